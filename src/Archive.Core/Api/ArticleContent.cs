namespace Archive.Core.Api;

/// <summary>The original blob of an article, opened for streaming. The caller disposes it.</summary>
public sealed record ArticleContent(Stream Content, string ContentType, long Length, string FileName) : IAsyncDisposable
{
    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

namespace Archive.Core.Api;

/// <summary>The original blob of an article, opened for streaming (ETag: the blob's, quoted, when known). The caller disposes it.</summary>
public sealed record ArticleContent(Stream Content, string ContentType, long Length, string FileName, string? ETag = null) : IAsyncDisposable
{
    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

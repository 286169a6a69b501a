namespace Archive.Core.Api;

/// <summary>One search result.</summary>
public sealed record ArticleHit
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? SiteName { get; init; }

    public string? Language { get; init; }

    public string? Summary { get; init; }

    /// <summary>Matching fragments of the title and body, the terms wrapped in &lt;em&gt;.</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];

    public string? Url { get; init; }

    public required string BlobPath { get; init; }

    /// <summary>The id of the article this one is a copy of (same content hash), when it is one; only seen with includeDuplicates.</summary>
    public string? DuplicateOf { get; init; }
}

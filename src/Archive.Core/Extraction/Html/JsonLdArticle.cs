namespace Archive.Core.Extraction.Html;

/// <summary>What the page's JSON-LD says about the article (the best article-typed node, with its @graph references resolved).</summary>
internal sealed record JsonLdArticle
{
    public string? Headline { get; init; }

    public string? DatePublished { get; init; }

    public string? DateCreated { get; init; }

    public string? DateModified { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Publisher { get; init; }

    public string? Url { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public string? InLanguage { get; init; }

    /// <summary>True when an article type (NewsArticle, BlogPosting, ...) was found; otherwise a WebPage-like node was used.</summary>
    public bool IsArticleType { get; init; }
}

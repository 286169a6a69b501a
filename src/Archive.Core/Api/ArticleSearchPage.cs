namespace Archive.Core.Api;

/// <summary>The response of <c>GET /api/search</c>.</summary>
public sealed record ArticleSearchPage
{
    public long Total { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public IReadOnlyList<ArticleHit> Results { get; init; } = [];

    public ArticleFacets Facets { get; init; } = new();
}

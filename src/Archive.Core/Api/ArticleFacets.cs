namespace Archive.Core.Api;

/// <summary>The facets of a search: counts per value of each facetable field; publishedAt by year.</summary>
public sealed record ArticleFacets
{
    public IReadOnlyList<FacetCount> SiteName { get; init; } = [];

    public IReadOnlyList<FacetCount> Authors { get; init; } = [];

    public IReadOnlyList<FacetCount> Language { get; init; } = [];

    public IReadOnlyList<FacetCount> People { get; init; } = [];

    public IReadOnlyList<FacetCount> Places { get; init; } = [];

    public IReadOnlyList<FacetCount> Organizations { get; init; } = [];

    public IReadOnlyList<FacetCount> Keywords { get; init; } = [];

    public IReadOnlyList<FacetCount> PublishedAt { get; init; } = [];
}

namespace Archive.Core.Api;

/// <summary>One facet bucket: a value (for publishedAt, the year) and how many results have it.</summary>
public sealed record FacetCount(string Value, long Count);

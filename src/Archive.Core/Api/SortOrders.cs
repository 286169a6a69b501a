namespace Archive.Core.Api;

/// <summary>The <c>sort</c> values of the search API.</summary>
public enum SortOrders
{
    /// <summary>By score (the default).</summary>
    Relevance,

    /// <summary>Newest publication first.</summary>
    Newest,

    /// <summary>Oldest publication first.</summary>
    Oldest,
}

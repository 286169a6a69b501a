namespace Archive.Core.Api;

/// <summary>A validated search request (see <see cref="ArticleQueryParser"/>). Each filter list means "all of these".</summary>
public sealed record ArticleQuery
{
    public string? Text { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public IReadOnlyList<string> Sites { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Places { get; init; } = [];

    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>Inclusive lower bound of publishedAt.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound of publishedAt (a date-only <c>to</c> includes that whole day).</summary>
    public DateTimeOffset? Before { get; init; }

    public SortOrders Sort { get; init; } = SortOrders.Relevance;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = ArticleQueryParser.DefaultPageSize;

    public bool IncludeDuplicates { get; init; }
}

using Azure.Search.Documents.Indexes;

namespace Archive.Core.Search;

/// <summary>
/// One indexed article: the blob it came from plus every extracted field. The index schema is built from this class
/// (<see cref="ArticleIndex"/>); property names serialize as camelCase.
/// </summary>
public sealed class ArticleDocument
{
    /// <summary>The key: <see cref="DocumentKey.For"/> of <c>container/path</c>.</summary>
    [SimpleField(IsKey = true, IsFilterable = true, IsSortable = true)]
    public string Id { get; set; } = "";

    /// <summary>The container of the original.</summary>
    [SimpleField(IsFilterable = true)]
    public string BlobContainer { get; set; } = "";

    /// <summary>The blob name (path) of the original inside <see cref="BlobContainer"/>.</summary>
    [SimpleField(IsFilterable = true)]
    public string BlobPath { get; set; } = "";

    /// <summary>The ETag of the blob version this document was made from.</summary>
    [SimpleField(IsFilterable = true)]
    public string? BlobETag { get; set; }

    [SimpleField]
    public string? BlobContentType { get; set; }

    [SimpleField(IsFilterable = true)]
    public long BlobSize { get; set; }

    [SimpleField(IsFilterable = true)]
    public DateTimeOffset? BlobLastModified { get; set; }

    [SimpleField(IsFilterable = true, IsSortable = true)]
    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The id of the earliest indexed copy with the same <see cref="ContentHash"/>; null for an original.</summary>
    [SimpleField(IsFilterable = true)]
    public string? DuplicateOf { get; set; }

    [SimpleField(IsFilterable = true)]
    public string ContentHash { get; set; } = "";

    [SimpleField(IsFilterable = true, IsFacetable = true)]
    public string? Format { get; set; }

    [SearchableField(AnalyzerName = "standard.lucene")]
    public string Title { get; set; } = "";

    [SimpleField]
    public string? TitleSource { get; set; }

    [SimpleField(IsFilterable = true, IsSortable = true, IsFacetable = true)]
    public DateTimeOffset? PublishedAt { get; set; }

    [SimpleField]
    public string? PublishedAtPrecision { get; set; }

    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public IList<string> Authors { get; set; } = [];

    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public string? SiteName { get; set; }

    [SimpleField]
    public string? Url { get; set; }

    [SimpleField(IsFilterable = true, IsFacetable = true)]
    public string? Language { get; set; }

    [SearchableField]
    public string? Summary { get; set; }

    /// <summary>The indexed text, at most <see cref="SearchLimits.MaxIndexedBodyChars"/> characters.</summary>
    [SearchableField]
    public string Body { get; set; } = "";

    /// <summary>True when <see cref="Body"/> was cut to <see cref="SearchLimits.MaxIndexedBodyChars"/>; the original keeps all of it.</summary>
    [SimpleField(IsFilterable = true)]
    public bool BodyTruncated { get; set; }

    [SimpleField(IsFilterable = true, IsSortable = true)]
    public int WordCount { get; set; }

    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public IList<string> Keywords { get; set; } = [];

    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public IList<string> People { get; set; } = [];

    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public IList<string> Places { get; set; } = [];

    [SearchableField(IsFilterable = true, IsFacetable = true)]
    public IList<string> Organizations { get; set; } = [];

    [SimpleField]
    public IList<string> Warnings { get; set; } = [];
}

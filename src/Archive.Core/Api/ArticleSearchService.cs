using System.Globalization;
using Archive.Core.Options;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Api;

/// <summary>The read side of the HTTP API: search, one article, its original, and suggestions.</summary>
public sealed class ArticleSearchService(SearchClient client, BlobServiceClient blobService, IOptions<ArchiveOptions> options)
{
    /// <summary>The most suggestions returned.</summary>
    public const int MaxSuggestions = 8;

    /// <summary>The service's limit on a suggest query.</summary>
    public const int MaxSuggestLength = 100;

    private const int FacetCount = 10;

    private static readonly string[] HitFields = ["id", "title", "publishedAt", "authors", "siteName", "language", "summary", "url", "blobPath", "duplicateOf"];

    /// <summary>Runs <paramref name="query"/>.</summary>
    public async Task<ArticleSearchPage> SearchAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = new AISearchOptions
        {
            Filter = ArticleFilter.Build(query),
            Size = query.PageSize,
            Skip = (query.Page - 1) * query.PageSize,
            IncludeTotalCount = true,
            QueryType = SearchQueryType.Simple,
            SearchMode = SearchMode.All,
            HighlightPreTag = "<em>",
            HighlightPostTag = "</em>",
        };
        foreach (var field in HitFields)
        {
            search.Select.Add(field);
        }

        search.HighlightFields.Add("title");
        search.HighlightFields.Add("body");
        foreach (var facet in new[] { "siteName", "authors", "language", "people", "places", "organizations", "keywords" })
        {
            search.Facets.Add(string.Create(CultureInfo.InvariantCulture, $"{facet},count:{FacetCount}"));
        }

        search.Facets.Add("publishedAt,interval:year");
        foreach (var order in OrderBy(query.Sort))
        {
            search.OrderBy.Add(order);
        }

        var response = await client.SearchAsync<ArticleDocument>(query.Text ?? "*", search, cancellationToken).ConfigureAwait(false);
        var results = response.Value;
        var hits = new List<ArticleHit>(query.PageSize);
        await foreach (var page in results.GetResultsAsync().AsPages(pageSizeHint: query.PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            hits.AddRange(page.Values.Select(ToHit));
            break;
        }

        return new ArticleSearchPage
        {
            Total = results.TotalCount ?? hits.Count,
            Page = query.Page,
            PageSize = query.PageSize,
            Results = hits,
            Facets = ToFacets(results.Facets),
        };
    }

    /// <summary>
    /// The <c>$orderby</c> of a sort, always ending with the document key: Azure returns equal sort values in no
    /// defined order ("the relative order of tied documents is undefined",
    /// https://learn.microsoft.com/azure/search/search-query-odata-orderby), so paging through equal dates or scores
    /// could skip or repeat an article without it. The key field <c>id</c> is sortable in the schema.
    /// </summary>
    public static IReadOnlyList<string> OrderBy(SortOrders sort) => sort switch
    {
        SortOrders.Newest => ["publishedAt desc", "id asc"],
        SortOrders.Oldest => ["publishedAt asc", "id asc"],
        _ => ["search.score() desc", "id asc"],
    };

    /// <summary>The full document, or null when <paramref name="id"/> is not indexed.</summary>
    public async Task<ArticleDocument?> GetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetDocumentAsync<ArticleDocument>(id, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens the original blob of <paramref name="id"/>, or null when there is no such document, its blob is gone, or
    /// the document points outside the articles container (only that container can be reached this way).
    /// </summary>
    public async Task<ArticleContent?> OpenContentAsync(string id, CancellationToken cancellationToken)
    {
        ArticleDocument document;
        try
        {
            var select = new GetDocumentOptions { SelectedFields = { "id", "blobContainer", "blobPath" } };
            document = (await client.GetDocumentAsync<ArticleDocument>(id, select, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var container = options.Value.ArticlesContainer;
        if (document.BlobContainer != container || !IsPlainBlobPath(document.BlobPath) || DocumentKey.For(container, document.BlobPath) != id)
        {
            return null;
        }

        var blob = blobService.GetBlobContainerClient(container).GetBlobClient(document.BlobPath);
        var target = new BlobUriBuilder(blob.Uri);
        if (target.BlobContainerName != container || target.BlobName != document.BlobPath)
        {
            // The URI the SDK would request names another blob (dot segments, encoded separators): refuse.
            return null;
        }

        try
        {
            var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            var fileName = document.BlobPath[(document.BlobPath.LastIndexOf('/') + 1)..];
            return new ArticleContent(download.Content, download.Details.ContentType ?? "application/octet-stream", download.Details.ContentLength, fileName, download.Details.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Up to <see cref="MaxSuggestions"/> distinct suggestions (titles and entities) for <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<ArticleSuggestion>> SuggestAsync(string text, CancellationToken cancellationToken)
    {
        var suggest = new SuggestOptions { Size = MaxSuggestions * 3, Filter = "duplicateOf eq null" };
        suggest.Select.Add("id");
        suggest.Select.Add("title");
        var response = await client.SuggestAsync<ArticleDocument>(text, ArticleIndex.SuggesterName, suggest, cancellationToken).ConfigureAwait(false);
        return response.Value.Results
            .Select(r => new ArticleSuggestion(r.Text, r.Document.Id, r.Document.Title))
            .DistinctBy(s => s.Text, StringComparer.OrdinalIgnoreCase)
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>A blob name without "." or ".." segments or backslashes, which a URI would resolve elsewhere.</summary>
    internal static bool IsPlainBlobPath(string? path) =>
        !string.IsNullOrEmpty(path) && !path.Contains('\\', StringComparison.Ordinal) &&
        path.Split('/').All(segment => segment is not ("." or ".."));

    private static ArticleHit ToHit(SearchResult<ArticleDocument> result)
    {
        var d = result.Document;
        var highlights = new List<string>();
        if (result.Highlights is not null)
        {
            foreach (var field in new[] { "title", "body" })
            {
                if (result.Highlights.TryGetValue(field, out var fragments))
                {
                    highlights.AddRange(fragments);
                }
            }
        }

        return new ArticleHit
        {
            Id = d.Id,
            Title = d.Title,
            PublishedAt = d.PublishedAt,
            Authors = [.. d.Authors ?? []],
            SiteName = d.SiteName,
            Language = d.Language,
            Summary = d.Summary,
            Highlights = highlights,
            Url = d.Url,
            BlobPath = d.BlobPath,
            DuplicateOf = d.DuplicateOf,
        };
    }

    private static ArticleFacets ToFacets(IDictionary<string, IList<FacetResult>>? facets)
    {
        IReadOnlyList<FacetCount> Get(string name) =>
            facets is not null && facets.TryGetValue(name, out var buckets)
                ? buckets.Where(b => b.Value is not null).Select(b => new FacetCount(FacetValue(b.Value, name == "publishedAt"), b.Count ?? 0)).ToList()
                : [];

        return new ArticleFacets
        {
            SiteName = Get("siteName"),
            Authors = Get("authors"),
            Language = Get("language"),
            People = Get("people"),
            Places = Get("places"),
            Organizations = Get("organizations"),
            Keywords = Get("keywords"),
            PublishedAt = Get("publishedAt"),
        };
    }

    private static string FacetValue(object value, bool year) => value switch
    {
        DateTimeOffset d when year => d.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture),
        DateTime d when year => d.ToUniversalTime().Year.ToString(CultureInfo.InvariantCulture),
        string s when year && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) =>
            d.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

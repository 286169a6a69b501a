using Archive.Core.Search;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Api;

/// <summary>The newest matches of a search for its feed: sort newest (publishedAt desc, then id), the first <see cref="Size"/>.</summary>
public sealed class ArticleFeedService(SearchClient client)
{
    /// <summary>Entries in a feed.</summary>
    public const int Size = 50;

    private static readonly string[] Fields = ["id", "title", "publishedAt", "authors", "siteName", "summary", "url", "ingestedAt", "blobETag"];

    /// <summary>The newest <see cref="Size"/> matches of <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<ArticleDocument>> NewestAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var options = new AISearchOptions { Filter = ArticleFilter.Build(query), Size = Size, QueryType = SearchQueryType.Simple, SearchMode = SearchMode.All };
        foreach (var field in Fields)
        {
            options.Select.Add(field);
        }

        foreach (var order in ArticleSearchService.OrderBy(SortOrders.Newest))
        {
            options.OrderBy.Add(order);
        }

        var response = await client.SearchAsync<ArticleDocument>(query.Text ?? "*", options, cancellationToken).ConfigureAwait(false);
        var entries = new List<ArticleDocument>(Size);
        await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: Size).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            entries.AddRange(page.Values.Select(r => r.Document));
            break;
        }

        return entries;
    }
}

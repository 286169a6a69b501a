using Archive.Core.Search;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Api;

/// <summary>
/// Reads every match of a query in a stable order, <c>publishedAt</c> ascending then <c>id</c>, articles without a
/// date last (by id), by keyset paging: each page is filtered to the rows after the last one seen, so there is no
/// <c>$skip</c> (Azure caps it at 100,000) and equal dates never skip or repeat a row. Memory is one page.
/// </summary>
public sealed class ArticleExporter(SearchClient client)
{
    /// <summary>Rows per request (Azure returns at most 1,000 per page).</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// Runs the first request (which also counts the matches) and returns the export: its total and its rows. The rows
    /// are read page by page as they are enumerated.
    /// </summary>
    public async Task<ArticleExport> OpenAsync(ArticleQuery query, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(fields);
        var select = fields.Union(["id", "publishedAt"], StringComparer.Ordinal).ToList();
        var baseFilter = ArticleFilter.Build(query);
        var text = query.Text ?? "*";
        var first = await PageAsync(text, baseFilter, And(baseFilter, "publishedAt ne null"), ["publishedAt asc", "id asc"], select, count: true, cancellationToken).ConfigureAwait(false);
        return new ArticleExport(first.Total, Rows(text, baseFilter, select, first.Rows, cancellationToken));
    }

    private async IAsyncEnumerable<ArticleDocument> Rows(
        string text, string? baseFilter, List<string> select, IReadOnlyList<ArticleDocument> firstPage,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Dated rows: after (publishedAt, id) of the last row.
        var page = firstPage;
        while (true)
        {
            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < PageSize)
            {
                break;
            }

            var last = page[^1];
            var after = SearchFilter.Create($"publishedAt gt {last.PublishedAt} or (publishedAt eq {last.PublishedAt} and id gt {last.Id})");
            page = (await PageAsync(text, baseFilter, And(baseFilter, "publishedAt ne null", after), ["publishedAt asc", "id asc"], select, count: false, cancellationToken).ConfigureAwait(false)).Rows;
        }

        // Undated rows: after the last id.
        string? lastId = null;
        while (true)
        {
            var filter = lastId is null ? And(baseFilter, "publishedAt eq null") : And(baseFilter, "publishedAt eq null", SearchFilter.Create($"id gt {lastId}"));
            page = (await PageAsync(text, baseFilter, filter, ["id asc"], select, count: false, cancellationToken).ConfigureAwait(false)).Rows;
            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            lastId = page[^1].Id;
        }
    }

    private async Task<(long Total, IReadOnlyList<ArticleDocument> Rows)> PageAsync(
        string text, string? baseFilter, string filter, string[] orderBy, List<string> select, bool count, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions
        {
            Filter = filter,
            Size = PageSize,
            QueryType = SearchQueryType.Simple,
            SearchMode = SearchMode.All,
        };
        foreach (var field in select)
        {
            options.Select.Add(field);
        }

        foreach (var order in orderBy)
        {
            options.OrderBy.Add(order);
        }

        var rows = new List<ArticleDocument>(PageSize);
        var response = await client.SearchAsync<ArticleDocument>(text, options, cancellationToken).ConfigureAwait(false);
        await foreach (var result in response.Value.GetResultsAsync().AsPages(pageSizeHint: PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows.AddRange(result.Values.Select(r => r.Document));
            break;
        }

        long total = 0;
        if (count)
        {
            // The total of every match, dated or not, counted by the same query without the date clause.
            var counting = new AISearchOptions { Filter = baseFilter, Size = 0, IncludeTotalCount = true, QueryType = SearchQueryType.Simple, SearchMode = SearchMode.All };
            total = (await client.SearchAsync<ArticleDocument>(text, counting, cancellationToken).ConfigureAwait(false)).Value.TotalCount ?? 0;
        }

        return (total, rows);
    }

    private static string And(string? baseFilter, params string[] clauses) =>
        string.Join(" and ", (baseFilter is null ? clauses : [baseFilter, .. clauses]).Select(c => "(" + c + ")"));
}

/// <summary>An open export: how many rows it has, and the rows (read page by page as enumerated).</summary>
public sealed record ArticleExport(long Total, IAsyncEnumerable<ArticleDocument> Rows);

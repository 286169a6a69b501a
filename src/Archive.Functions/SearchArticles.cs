using Archive.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary><c>GET /api/search</c>: full-text search with filters, facets, sorting and paging.</summary>
public sealed class SearchArticles(ArticleSearchService search, ILogger<SearchArticles> logger)
{
    [Function("Search")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = ArticleQueryParser.Parse(request.Query, out var errors);
        if (query is null)
        {
            return Problems.Validation(errors, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, "Search", request, async () =>
        {
            var page = await search.SearchAsync(query, cancellationToken).ConfigureAwait(false);
            request.HttpContext.Response.Headers.CacheControl = HttpCaching.SearchResults;
            return new OkObjectResult(page);
        }).ConfigureAwait(false);
    }
}

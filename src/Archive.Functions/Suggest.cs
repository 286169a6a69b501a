using Archive.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary><c>GET /api/suggest?q=</c>: up to 8 suggestions from titles and entities.</summary>
public sealed class Suggest(ArticleSearchService search, ILogger<Suggest> logger)
{
    [Function(nameof(Suggest))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suggest")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = request.Query["q"];
        string? error = q.Count switch
        {
            0 => "'q' is required.",
            > 1 => "'q' may be given only once.",
            _ when string.IsNullOrWhiteSpace(q[0]) => "'q' is required.",
            _ when q[0]!.Trim().Length > ArticleSearchService.MaxSuggestLength => $"'q' may be at most {ArticleSearchService.MaxSuggestLength} characters.",
            _ => null,
        };
        if (error is not null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["q"] = [error] }, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, nameof(Suggest), request, async () =>
        {
            var suggestions = await search.SuggestAsync(q[0]!.Trim(), cancellationToken).ConfigureAwait(false);
            request.HttpContext.Response.Headers.CacheControl = HttpCaching.SearchResults;
            return new OkObjectResult(new { suggestions });
        }).ConfigureAwait(false);
    }
}

using Archive.Core.Api;
using Archive.Core.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary><c>GET /api/articles/{id}</c>: the full document, body included, with an ETag (304 when it matches).</summary>
public sealed class GetArticle(ArticleSearchService search, ILogger<GetArticle> logger)
{
    [Function(nameof(GetArticle))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentKey.IsWellFormed(id))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["id"] = [ArticleIds.Malformed] }, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, nameof(GetArticle), request, async () =>
        {
            var document = await search.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return Problems.NotFound($"There is no article '{id}'.", request.Path);
            }

            var etag = HttpCaching.ETagOf(document);
            request.HttpContext.Response.Headers.ETag = etag;
            request.HttpContext.Response.Headers.CacheControl = HttpCaching.Revalidate;
            return HttpCaching.NotModified(request, etag) ? new StatusCodeResult(StatusCodes.Status304NotModified) : new OkObjectResult(document);
        }).ConfigureAwait(false);
    }
}

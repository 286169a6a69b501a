using Archive.Core.Api;
using Archive.Core.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Archive.Functions;

/// <summary>
/// <c>GET /api/articles/{id}/content</c>: the original blob, as a download. Only blobs of the articles container can be
/// reached: the id must be a document whose blob lies in that container. An uploaded HTML article is never rendered on
/// the app's origin: it comes as an attachment, with <c>nosniff</c> and <c>Content-Security-Policy: sandbox</c> (a
/// browser that opens it anyway runs no script and gets an opaque origin).
/// </summary>
public sealed class GetArticleContent(ArticleSearchService search, ILogger<GetArticleContent> logger)
{
    /// <summary>The policy of every original: no script, no plugin, no same-origin access.</summary>
    public const string ContentPolicy = "sandbox";

    [Function(nameof(GetArticleContent))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles/{id}/content")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentKey.IsWellFormed(id))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["id"] = [ArticleIds.Malformed] }, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, nameof(GetArticleContent), request, async () =>
        {
            var content = await search.OpenContentAsync(id, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                return Problems.NotFound($"There is no original for article '{id}'.", request.Path);
            }

            var headers = request.HttpContext.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentPolicy;
            headers.CacheControl = HttpCaching.Revalidate;

            // FileStreamResult disposes the stream when the response is written; a download name makes it an
            // attachment (Content-Disposition), and the ETag answers a matching If-None-Match with 304.
            return new FileStreamResult(content.Content, content.ContentType)
            {
                FileDownloadName = content.FileName.Length > 0 ? content.FileName : "article",
                EnableRangeProcessing = false,
                EntityTag = content.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag) ? tag : null,
            };
        }).ConfigureAwait(false);
    }
}

using Archive.Core.Api;
using Archive.Core.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>
/// <c>GET /api/articles/{id}/content</c>: streams the original blob with its content type. Only blobs of the articles
/// container can be reached: the id must be a document whose blob lies in that container.
/// </summary>
public sealed class GetArticleContent(ArticleSearchService search, ILogger<GetArticleContent> logger)
{
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

            // FileStreamResult disposes the stream when the response is written.
            return new FileStreamResult(content.Content, content.ContentType) { FileDownloadName = null, EnableRangeProcessing = false };
        }).ConfigureAwait(false);
    }
}

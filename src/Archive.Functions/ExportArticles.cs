using System.Globalization;
using System.Text;
using Archive.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>
/// <c>GET /api/export</c>: every match of the search's filters as CSV or JSONL, streamed in the order publishedAt then
/// id (undated last), with <c>X-Total-Count</c> and <c>Content-Disposition</c>.
/// </summary>
public sealed class ExportArticles(ArticleExporter exporter, ILogger<ExportArticles> logger)
{
    [Function("Export")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Query.Where(p => p.Key is not ("format" or "fields")).ToList();
        var query = ArticleQueryParser.ParseFilters(parameters, "/api/export", out var parsed);
        var errors = parsed.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var formatText = ArticleQueryParser.Single(request.Query, "format", errors);
        var format = ExportFormats.Csv;
        if (formatText is not null && !Enum.TryParse(formatText, ignoreCase: true, out format))
        {
            errors["format"] = ["'format' must be csv or jsonl."];
        }

        var fields = ExportFields.Parse(ArticleQueryParser.Single(request.Query, "fields", errors), out var fieldsError);
        if (fieldsError is not null)
        {
            errors["fields"] = [fieldsError];
        }

        if (query is null || fields is null || errors.Count > 0)
        {
            return Problems.Validation(errors, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, "Export", request, async () =>
        {
            var export = await exporter.OpenAsync(query, fields, cancellationToken).ConfigureAwait(false);
            return new ExportResult(export, new ArticleExportWriter(format, fields), logger);
        }).ConfigureAwait(false);
    }

    /// <summary>Streams the rows into the response body, flushing after each page's worth.</summary>
    private sealed class ExportResult(ArticleExport export, ArticleExportWriter writer, ILogger logger) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var cancellationToken = context.HttpContext.RequestAborted;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = writer.ContentType;
            response.Headers["X-Total-Count"] = export.Total.ToString(CultureInfo.InvariantCulture);
            response.Headers.ContentDisposition = $"attachment; filename=\"archive-export.{writer.Extension}\"";
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            var text = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
            await using (text.ConfigureAwait(false))
            {
                await writer.WriteHeaderAsync(text, cancellationToken).ConfigureAwait(false);
                var rows = 0L;
                try
                {
                    await foreach (var row in export.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        await writer.WriteRowAsync(text, row, cancellationToken).ConfigureAwait(false);
                        if (++rows % ArticleExporter.PageSize == 0)
                        {
                            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
                catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
                {
                    // The headers are gone: the only honest signal left is a truncated body (the row count falls short of X-Total-Count).
                    logger.ExportInterrupted(e, rows, export.Total);
                    context.HttpContext.Abort();
                    return;
                }
            }
        }
    }
}

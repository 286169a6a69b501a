using Archive.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary><c>GET /api/timeline</c>: matches per day, week, month or year in a time zone.</summary>
public sealed class Timeline(TimelineService timeline, ILogger<Timeline> logger)
{
    [Function(nameof(Timeline))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "timeline")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = ArticleQueryParser.ParseFilters(request.Query.Where(p => p.Key is not ("interval" or "tz")), "/api/timeline", out var parsed);
        var errors = parsed.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var interval = TimelineIntervals.Month;
        var intervalText = ArticleQueryParser.Single(request.Query, "interval", errors);
        if (intervalText is not null && (!Enum.TryParse(intervalText, ignoreCase: true, out interval) || !Enum.IsDefined(interval) || int.TryParse(intervalText, out _)))
        {
            errors["interval"] = ["'interval' must be day, week, month or year."];
        }

        var zone = TimeZones.Parse(ArticleQueryParser.Single(request.Query, "tz", errors), errors);
        if (query is null || zone is null || errors.Count > 0)
        {
            return Problems.Validation(errors, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, nameof(Timeline), request, async () =>
        {
            var (result, error) = await timeline.GetAsync(query, interval, zone, cancellationToken).ConfigureAwait(false);
            return result is null
                ? Problems.Validation(new Dictionary<string, string[]> { ["interval"] = [error!] }, request.Path)
                : new OkObjectResult(result);
        }).ConfigureAwait(false);
    }
}

/// <summary>The <c>tz</c> parameter: an IANA time zone id (Europe/Berlin) or UTC, the default.</summary>
internal static class TimeZones
{
    public const int MaxLength = 64;

    public static TimeZoneInfo? Parse(string? text, IDictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return TimeZoneInfo.Utc;
        }

        if (text.Length <= MaxLength && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone))
        {
            return zone;
        }

        errors["tz"] = ["'tz' must be an IANA time zone such as Europe/Berlin or America/New_York, or UTC."];
        return null;
    }
}

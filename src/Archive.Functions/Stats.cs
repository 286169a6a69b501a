using System.Globalization;
using Archive.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary><c>GET /api/stats?days=30&amp;tz=UTC</c>: coverage statistics of the whole archive.</summary>
public sealed class Stats(StatsService stats, ILogger<Stats> logger)
{
    [Function(nameof(Stats))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stats")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var days = StatsService.DefaultDays;
        var daysText = ArticleQueryParser.Single(request.Query, "days", errors);
        if (daysText is not null && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > StatsService.MaxDays))
        {
            errors["days"] = [$"'days' must be a whole number from 1 to {StatsService.MaxDays}."];
        }

        var zone = TimeZones.Parse(ArticleQueryParser.Single(request.Query, "tz", errors), errors);
        if (zone is null || errors.Count > 0)
        {
            return Problems.Validation(errors, request.Path);
        }

        return await DependencyFailures.GuardAsync(logger, nameof(Stats), request, async () =>
            new OkObjectResult(await stats.GetAsync(days, zone, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }
}

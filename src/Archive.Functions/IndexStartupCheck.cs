using Archive.Core.Search;
using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>
/// Checks the search index when the worker starts: a missing index stops the app with a message saying how to create
/// it (unless Search__CreateIndexIfMissing allows creating it). An unreachable service only logs: /api/health reports it.
/// </summary>
internal sealed class IndexStartupCheck(SearchIndexCheck check, ILogger<IndexStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await check.VerifyAsync(cancellationToken).ConfigureAwait(false))
            {
                logger.IndexCreated();
            }
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            logger.IndexCheckFailed(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

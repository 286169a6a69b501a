using Archive.Core.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>
/// The safety net: repairs the index against the articles container, nightly (Archive__ReconcileSchedule) and on
/// demand through <c>POST /api/manage/reconcile</c> (function key required; the host reserves routes starting with "admin").
/// </summary>
public sealed class Reconcile(Reconciler reconciler, ILogger<Reconcile> logger)
{
    [Function(nameof(Reconcile))]
    public Task<ReconcileReport> RunAsync(
        [TimerTrigger("%Archive:ReconcileSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        logger.ReconcileRequested("timer");
        return reconciler.RunAsync(cancellationToken);
    }

    [Function("ReconcileNow")]
    public async Task<IActionResult> RunNowAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "manage/reconcile")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        logger.ReconcileRequested("http");
        return await DependencyFailures.GuardAsync(logger, "Reconcile", request, async () =>
            new OkObjectResult(await reconciler.RunAsync(cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }
}

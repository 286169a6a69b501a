using Archive.Core.Ingestion;
using Archive.Core.Options;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Functions;

/// <summary>
/// The safety net: repairs the index against the articles container, nightly (Archive__ReconcileSchedule) and on
/// demand through <c>POST /api/manage/reconcile</c> (function key required; the host reserves routes starting with
/// "admin"). A run works in slices of Archive__ReconcileSliceMinutes (below the function timeout) and hands on through
/// the Archive__ReconcileQueue queue, resuming from its checkpoint; <c>GET /api/manage/reconcile</c> shows where it stands.
/// </summary>
public sealed class Reconcile(Reconciler reconciler, ReconcileCheckpoints checkpoints, QueueServiceClient queues, IOptions<ArchiveOptions> options, TimeProvider time, ILogger<Reconcile> logger)
{
    private TimeSpan Slice => TimeSpan.FromMinutes(options.Value.ReconcileSliceMinutes);

    [Function(nameof(Reconcile))]
    public async Task<ReconcileReport> RunAsync(
        [TimerTrigger("%Archive:ReconcileSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        logger.ReconcileRequested("timer");
        await reconciler.StartAsync(restart: false, cancellationToken).ConfigureAwait(false);
        return await SliceAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a run (or joins the one in progress) and answers 202 with its status at once.</summary>
    [Function("ReconcileNow")]
    public async Task<IActionResult> RunNowAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "manage/reconcile")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        logger.ReconcileRequested("http");
        return await DependencyFailures.GuardAsync(logger, "Reconcile", request, async () =>
        {
            var state = await reconciler.StartAsync(restart: false, cancellationToken).ConfigureAwait(false);

            // A new run, or one whose hand-on stalled (nothing written for longer than a slice): send it on its way.
            if (state.Blobs == 0 && state.Documents == 0 || time.GetUtcNow() - state.UpdatedAt > Slice + TimeSpan.FromMinutes(5))
            {
                await HandOnAsync(state, cancellationToken).ConfigureAwait(false);
            }

            request.HttpContext.Response.Headers.Location = "/api/manage/reconcile";
            return new AcceptedResult("/api/manage/reconcile", state);
        }).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/manage/reconcile</c>: the current or last run (404 when none ever ran).</summary>
    [Function("ReconcileStatus")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "manage/reconcile")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await DependencyFailures.GuardAsync(logger, "ReconcileStatus", request, async () =>
        {
            var state = await checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false);
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return state is null ? Problems.NotFound("No reconcile has run yet.", request.Path) : new OkObjectResult(state);
        }).ConfigureAwait(false);
    }

    /// <summary>One slice of the run in progress, handed on by the previous slice.</summary>
    [Function("ReconcileContinue")]
    public Task<ReconcileReport> ContinueAsync(
        [QueueTrigger("%Archive:ReconcileQueue%", Connection = "ArticlesStorage")] string runId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return SliceAsync(cancellationToken);
    }

    private async Task<ReconcileReport> SliceAsync(CancellationToken cancellationToken)
    {
        var state = await reconciler.RunSliceAsync(Slice, cancellationToken).ConfigureAwait(false);
        if (!state.Completed)
        {
            await HandOnAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    private async Task HandOnAsync(ReconcileReport state, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(options.Value.ReconcileQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(state.RunId, cancellationToken).ConfigureAwait(false);
    }
}

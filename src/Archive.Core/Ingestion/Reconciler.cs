using System.Collections.Concurrent;
using Archive.Core.Options;
using Archive.Core.Search;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// The safety net behind the events, in two streamed passes of one page at a time (memory does not grow with the
/// archive):
/// <list type="number">
/// <item>Blobs: the container's listing, a page of <see cref="PageSize"/> names; their documents are looked up by key
/// (<c>search.in</c>); a blob without a document, or whose document came from another version, is ingested again
/// (unless that exact version already has a rejection report), <see cref="ArchiveOptions.ReconcileParallelism"/> at once.</item>
/// <item>Documents: the index in key order (keyset pages); the blob of each document is checked right then, and the
/// documents whose blob does not exist now are deleted in one batch per page. A blob uploaded during the run exists
/// when its document is checked, so it is never deleted.</item>
/// </list>
/// After each page the position is saved (<see cref="ReconcileCheckpoints"/>): <see cref="RunSliceAsync"/> stops when
/// its time budget is spent and the next call goes on from there.
/// </summary>
public sealed class Reconciler(
    IArticleIngestor ingestor,
    ArticleStore store,
    RejectionReports rejections,
    BlobServiceClient blobService,
    IOptions<ArchiveOptions> options,
    ReconcileCheckpoints checkpoints,
    TimeProvider timeProvider,
    ILogger<Reconciler> logger)
{
    /// <summary>Blobs per listing page and documents per index page.</summary>
    public const int PageSize = 1000;

    /// <summary>Runs a whole pass from the start, however long it takes (the CLI and tests; the functions use slices).</summary>
    public async Task<ReconcileReport> RunAsync(CancellationToken cancellationToken)
    {
        var state = await StartAsync(restart: true, cancellationToken).ConfigureAwait(false);
        while (!state.Completed)
        {
            state = await StepAsync(state, cancellationToken).ConfigureAwait(false);
            await checkpoints.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    /// <summary>
    /// Begins a run: a fresh state, saved. Unless <paramref name="restart"/>, a run still in progress is kept (and
    /// returned) instead.
    /// </summary>
    public async Task<ReconcileReport> StartAsync(bool restart, CancellationToken cancellationToken)
    {
        if (!restart && await checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false) is { Completed: false, RunId.Length: > 0 } running)
        {
            return running;
        }

        var now = timeProvider.GetUtcNow();
        var state = new ReconcileReport { RunId = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture), StartedAt = now, UpdatedAt = now };
        await checkpoints.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>
    /// Goes on with the saved run for up to <paramref name="budget"/> (a page already begun is finished), saving the
    /// checkpoint after every page. Returns the state: <see cref="ReconcileReport.Completed"/> false means call again.
    /// </summary>
    public async Task<ReconcileReport> RunSliceAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var state = await checkpoints.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (state is null or { Completed: true })
        {
            return state ?? new ReconcileReport { Completed = true, Phase = ReconcilePhases.Done };
        }

        // At least one page per slice, so a run always moves on.
        var started = timeProvider.GetTimestamp();
        do
        {
            state = await StepAsync(state, cancellationToken).ConfigureAwait(false);
            await checkpoints.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        }
        while (!state.Completed && timeProvider.GetElapsedTime(started) < budget);

        return state;
    }

    /// <summary>One page of the current phase.</summary>
    private async Task<ReconcileReport> StepAsync(ReconcileReport state, CancellationToken cancellationToken)
    {
        var next = state.Phase == ReconcilePhases.Blobs
            ? await BlobPageAsync(state, cancellationToken).ConfigureAwait(false)
            : await DocumentPageAsync(state, cancellationToken).ConfigureAwait(false);
        next = next with { UpdatedAt = timeProvider.GetUtcNow() };
        if (next.Completed)
        {
            logger.ReconcileCompleted(next.Blobs, next.Documents, next.Reingested, next.Removed, next.Rejected, next.Failed);
        }

        return next;
    }

    private async Task<ReconcileReport> BlobPageAsync(ReconcileReport state, CancellationToken cancellationToken)
    {
        var containerName = options.Value.ArticlesContainer;
        var container = blobService.GetBlobContainerClient(containerName);
        Page<BlobItem>? page = null;
        try
        {
            await foreach (var p in container.GetBlobsAsync(cancellationToken: cancellationToken).AsPages(state.BlobContinuation, PageSize).ConfigureAwait(false))
            {
                page = p;
                break;
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Never read a missing container as "everything was deleted".
            throw new InvalidOperationException($"The articles container '{containerName}' does not exist; reconcile removes nothing.", e);
        }

        var blobs = page?.Values ?? [];
        var ids = blobs.Select(b => DocumentKey.For(containerName, b.Name)).ToList();
        var indexed = await store.GetStatesAsync(ids, cancellationToken).ConfigureAwait(false);
        var work = new List<string>();
        var stillRejected = 0;
        for (var i = 0; i < blobs.Count; i++)
        {
            var etag = blobs[i].Properties.ETag?.ToString() ?? "";
            if (indexed.TryGetValue(ids[i], out var document) && document.BlobPath == blobs[i].Name && SameETag(document.BlobETag, etag))
            {
                continue;
            }

            if (await rejections.RejectedETagAsync(blobs[i].Name, cancellationToken).ConfigureAwait(false) is { } rejectedETag && SameETag(rejectedETag, etag))
            {
                stillRejected++;
                continue;
            }

            work.Add(blobs[i].Name);
        }

        var outcomes = new ConcurrentBag<IngestionOutcomes?>();
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ReconcileParallelism, CancellationToken = cancellationToken },
            async (name, token) =>
            {
                try
                {
                    outcomes.Add((await ingestor.IngestAsync(container.GetBlobClient(name), token).ConfigureAwait(false)).Outcome);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.ReconcileIngestFailed(e, name);
                    outcomes.Add(null);
                }
            }).ConfigureAwait(false);

        ArchiveTelemetry.ReconcileDrift.Add(work.Count, new KeyValuePair<string, object?>("kind", "reingested"));
        var continuation = page?.ContinuationToken;
        return state with
        {
            Blobs = state.Blobs + blobs.Count,
            Reingested = state.Reingested + outcomes.Count(o => o is IngestionOutcomes.Indexed or IngestionOutcomes.Unchanged),
            Rejected = state.Rejected + stillRejected + outcomes.Count(o => o == IngestionOutcomes.Rejected),
            Failed = state.Failed + outcomes.Count(o => o is null),
            BlobContinuation = string.IsNullOrEmpty(continuation) ? null : continuation,
            Phase = string.IsNullOrEmpty(continuation) ? ReconcilePhases.Documents : ReconcilePhases.Blobs,
        };
    }

    private async Task<ReconcileReport> DocumentPageAsync(ReconcileReport state, CancellationToken cancellationToken)
    {
        var containerName = options.Value.ArticlesContainer;
        var container = blobService.GetBlobContainerClient(containerName);
        var documents = await store.ListPageAsync(state.AfterId, PageSize, cancellationToken).ConfigureAwait(false);
        var orphans = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            documents,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ReconcileParallelism, CancellationToken = cancellationToken },
            async (document, token) =>
            {
                var own = document.BlobContainer == containerName && document.BlobPath.Length > 0 && document.Id == DocumentKey.For(containerName, document.BlobPath);

                // Checked now, not against a listing taken earlier: a blob uploaded meanwhile keeps its document.
                if (!own || !(await container.GetBlobClient(document.BlobPath).ExistsAsync(token).ConfigureAwait(false)).Value)
                {
                    orphans.Add(document.Id);
                }
            }).ConfigureAwait(false);

        if (!orphans.IsEmpty)
        {
            await store.DeleteManyAsync([.. orphans], cancellationToken).ConfigureAwait(false);
        }

        ArchiveTelemetry.ReconcileDrift.Add(orphans.Count, new KeyValuePair<string, object?>("kind", "removed"));
        var done = documents.Count < PageSize;
        return state with
        {
            Documents = state.Documents + documents.Count,
            Removed = state.Removed + orphans.Count,
            AfterId = documents.Count > 0 ? documents[^1].Id : state.AfterId,
            Completed = done,
            Phase = done ? ReconcilePhases.Done : ReconcilePhases.Documents,
        };
    }

    /// <summary>Listings give ETags without quotes, headers with them; compare the values.</summary>
    private static bool SameETag(string? a, string? b) =>
        a is not null && b is not null && RejectionReports.Normalize(a) == RejectionReports.Normalize(b);
}

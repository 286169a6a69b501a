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
/// The safety net behind the events: lists the articles container and the index and repairs both ways. A blob
/// without a document, or whose document came from another version, is ingested again (unless that exact version
/// was already rejected); a document whose blob is gone is removed.
/// </summary>
public sealed class Reconciler(
    IArticleIngestor ingestor,
    ArticleStore store,
    RejectionReports rejections,
    BlobServiceClient blobService,
    IOptions<ArchiveOptions> options,
    ILogger<Reconciler> logger)
{
    private const int Parallelism = 4;

    /// <summary>Runs one reconcile pass.</summary>
    public async Task<ReconcileReport> RunAsync(CancellationToken cancellationToken)
    {
        var containerName = options.Value.ArticlesContainer;
        var container = blobService.GetBlobContainerClient(containerName);
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                blobs[item.Name] = item.Properties.ETag?.ToString() ?? "";
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Never read a missing container as "everything was deleted".
            throw new InvalidOperationException($"The articles container '{containerName}' does not exist; reconcile removes nothing.", e);
        }

        var rejected = await rejections.ListAsync(cancellationToken).ConfigureAwait(false);
        var indexed = new Dictionary<string, IndexedArticleState>(StringComparer.Ordinal);
        var orphans = new List<string>();
        var documents = 0;
        await foreach (var state in store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            documents++;
            if (state.BlobContainer == containerName && blobs.ContainsKey(state.BlobPath) && state.Id == DocumentKey.For(containerName, state.BlobPath))
            {
                indexed[state.BlobPath] = state;
            }
            else
            {
                orphans.Add(state.Id);
            }
        }

        var removed = 0;
        foreach (var id in orphans)
        {
            await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            removed++;
        }

        var work = new List<string>();
        var stillRejected = 0;
        foreach (var (name, etag) in blobs)
        {
            if (indexed.TryGetValue(name, out var state) && SameETag(state.BlobETag, etag))
            {
                continue;
            }

            if (rejected.TryGetValue(name, out var rejectedETag) && SameETag(rejectedETag, etag))
            {
                stillRejected++;
                continue;
            }

            work.Add(name);
        }

        var outcomes = new ConcurrentBag<IngestionOutcomes?>();
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (name, token) =>
            {
                try
                {
                    var result = await ingestor.IngestAsync(container.GetBlobClient(name), token).ConfigureAwait(false);
                    outcomes.Add(result.Outcome);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.ReconcileIngestFailed(e, name);
                    outcomes.Add(null);
                }
            }).ConfigureAwait(false);

        var report = new ReconcileReport
        {
            Blobs = blobs.Count,
            Documents = documents,
            Reingested = outcomes.Count(o => o is IngestionOutcomes.Indexed or IngestionOutcomes.Unchanged),
            Removed = removed,
            Rejected = stillRejected + outcomes.Count(o => o == IngestionOutcomes.Rejected),
            Failed = outcomes.Count(o => o is null),
        };
        logger.ReconcileCompleted(report.Blobs, report.Documents, report.Reingested, report.Removed, report.Rejected, report.Failed);
        return report;
    }

    /// <summary>Listings give ETags without quotes, headers with them; compare the values.</summary>
    private static bool SameETag(string? a, string? b) =>
        a is not null && b is not null && RejectionReports.Normalize(a) == RejectionReports.Normalize(b);
}

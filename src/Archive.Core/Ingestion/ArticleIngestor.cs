using System.Diagnostics;
using Archive.Core.Extraction;
using Archive.Core.Search;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace Archive.Core.Ingestion;

/// <summary>
/// Ingests one blob: skips a version that is already indexed (same ETag), reads the blob once, extracts it, marks a
/// duplicate of an already indexed body, and merges-or-uploads the document under the blob's key. Permanent
/// extraction failures become a rejection report; storage and search failures propagate for the runtime to retry.
/// The blob itself is only read.
/// </summary>
public sealed class ArticleIngestor(
    IArticleExtractor extractor,
    ArticleStore store,
    RejectionReports rejections,
    TimeProvider timeProvider,
    ILogger<ArticleIngestor> logger,
    IngestionMemoryGate? memoryGate = null) : IArticleIngestor
{
    /// <summary>How many times one call ingests a blob that keeps changing under it before leaving it to the next trigger.</summary>
    private const int MaxPasses = 3;

    /// <inheritdoc/>
    /// <remarks>
    /// Two invocations for two quick versions of one blob can finish in either order, and a blob can be deleted while
    /// it is read: the older version's write could land last and stay until the next reconcile. So after writing, the
    /// blob's current ETag is read again: the same version means done; a newer one is ingested in turn (up to
    /// <see cref="MaxPasses"/> passes); a deleted blob's document is removed again.
    /// </remarks>
    public async Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var activity = ArchiveTelemetry.Source.StartActivity("ingest");
        activity?.SetTag("blob.name", blob.Name);
        try
        {
            var result = await IngestPassesAsync(blob, activity, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("document.id", result.DocumentId);
            activity?.SetTag("outcome", result.Outcome.ToString());
            if (result.ErrorCode is not null)
            {
                // A rejection must reach the operator: the span is marked as an error and recorded whatever the sampling.
                activity?.SetTag("error.code", result.ErrorCode);
                activity?.SetStatus(ActivityStatusCode.Error, result.ErrorCode);
                if (activity is not null)
                {
                    activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
                }
            }

            ArchiveTelemetry.IngestOutcomes.Add(1, new("outcome", result.Outcome.ToString().ToLowerInvariant()), new("error.code", result.ErrorCode ?? ""));
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            var status = (e as RequestFailedException)?.Status ?? 0;
            if (status is 429 or 503)
            {
                ArchiveTelemetry.SearchThrottled.Add(1, new KeyValuePair<string, object?>("status", status));
            }

            ArchiveTelemetry.IngestOutcomes.Add(1, new("outcome", "failed"), new("error.code", status == 0 ? e.GetType().Name : status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            throw;
        }
    }

    private async Task<IngestionResult> IngestPassesAsync(BlobClient blob, Activity? activity, CancellationToken cancellationToken)
    {
        for (var pass = 1; ; pass++)
        {
            var (result, written) = await IngestOnceAsync(blob, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("blob.etag", written);
            if (written is null)
            {
                return result;
            }

            var current = await CurrentETagAsync(blob, cancellationToken).ConfigureAwait(false);
            if (current == written)
            {
                return result;
            }

            if (current is null)
            {
                await store.DeleteAsync(result.DocumentId, cancellationToken).ConfigureAwait(false);
                logger.BlobDeletedWhileIngesting(blob.Name, result.DocumentId);
                return new IngestionResult(IngestionOutcomes.BlobMissing, result.DocumentId);
            }

            if (pass == MaxPasses)
            {
                logger.BlobKeptChanging(blob.Name, pass);
                return result;
            }

            logger.BlobChangedWhileIngesting(blob.Name, written, current);
        }
    }

    private static async Task<string?> CurrentETagAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>One ingestion; the ETag of the version it wrote (indexed or rejected), or null when it wrote nothing.</summary>
    private async Task<(IngestionResult Result, string? Written)> IngestOnceAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var id = DocumentKey.For(blob.BlobContainerName, blob.Name);
        var existing = await store.GetStateAsync(id, cancellationToken).ConfigureAwait(false);

        // The size first: the memory gate weighs the ingestion before any byte is read, and an unchanged version is
        // not downloaded at all.
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.BlobMissing(blob.Name);
            return (new IngestionResult(IngestionOutcomes.BlobMissing, id), null);
        }

        if (existing is not null && existing.BlobETag == properties.ETag.ToString())
        {
            logger.Unchanged(blob.Name, id);
            return (new IngestionResult(IngestionOutcomes.Unchanged, id, existing.DuplicateOf), null);
        }

        using var lease = memoryGate is null ? null : await memoryGate.AcquireAsync(properties.ContentLength, cancellationToken).ConfigureAwait(false);
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.BlobMissing(blob.Name);
            return (new IngestionResult(IngestionOutcomes.BlobMissing, id), null);
        }

        using (download)
        {
            var details = download.Details;
            var version = new BlobVersion(
                blob.BlobContainerName, blob.Name, details.ETag.ToString(), details.ContentType, details.ContentLength, details.LastModified);
            if (existing is not null && existing.BlobETag == version.ETag)
            {
                logger.Unchanged(blob.Name, id);
                return (new IngestionResult(IngestionOutcomes.Unchanged, id, existing.DuplicateOf), null);
            }

            var started = timeProvider.GetTimestamp();
            var extraction = await extractor.ExtractAsync(download.Content, blob.Name, details.ContentLength, cancellationToken).ConfigureAwait(false);
            ArchiveTelemetry.ExtractionDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("format", extraction.Succeeded ? extraction.Article.Format : "failed"));
            ArchiveTelemetry.ExtractionSize.Record(details.ContentLength);
            if (!extraction.Succeeded)
            {
                return (await RejectAsync(version, id, existing, extraction.Error, cancellationToken).ConfigureAwait(false), version.ETag);
            }

            var article = extraction.Article;
            if (existing is not null && existing.DuplicateOf is null && existing.ContentHash != article.ContentHash)
            {
                // This document was the original of other copies, and its body changed: hand that role on.
                await store.PromoteDuplicatesOfAsync(id, cancellationToken).ConfigureAwait(false);
            }

            var duplicateOf = await store.FindOriginalAsync(article.ContentHash, id, cancellationToken).ConfigureAwait(false);
            var document = ArticleDocuments.Create(article, version, duplicateOf, timeProvider.GetUtcNow());
            try
            {
                await store.UpsertAsync([document], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DocumentTooLargeException || e is RequestFailedException { Status: 413 })
            {
                // Permanent: the same document is refused every time, so a retry would only end in the poison queue.
                var error = new ExtractionError(IngestionErrorCodes.TooLargeToIndex, e is DocumentTooLargeException
                    ? e.Message
                    : $"Azure AI Search refused the document as too large (413); it accepts at most {SearchLimits.MaxRequestBytes:N0} bytes per request.");
                return (await RejectAsync(version, id, existing, error, cancellationToken).ConfigureAwait(false), version.ETag);
            }

            await rejections.DeleteAsync(blob.Name, cancellationToken).ConfigureAwait(false);
            logger.Indexed(blob.Name, id, duplicateOf);
            ArchiveTelemetry.IngestLatency.Record(Math.Max(0, (timeProvider.GetUtcNow() - details.LastModified).TotalSeconds));
            return (new IngestionResult(IngestionOutcomes.Indexed, id, duplicateOf), version.ETag);
        }
    }

    private async Task<IngestionResult> RejectAsync(
        BlobVersion version, string id, IndexedArticleState? existing, ExtractionError error, CancellationToken cancellationToken)
    {
        var report = new RejectionReport(error.Code, error.Message, version.ETag, timeProvider.GetUtcNow(), version.Path);
        await rejections.WriteAsync(report, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // The blob was overwritten with something unreadable: the old document no longer describes it.
            await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        logger.Rejected(version.Path, error.Code, error.Message);
        return new IngestionResult(IngestionOutcomes.Rejected, id, ErrorCode: error.Code);
    }
}

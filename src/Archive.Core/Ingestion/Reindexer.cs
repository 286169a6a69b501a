using Archive.Core.Extraction;
using Archive.Core.Options;
using Archive.Core.Search;
using Azure.Search.Documents.Models;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// Re-extracts every blob of the articles container and uploads the documents in batches of up to 1,000: the way to
/// apply an improved extractor to the whole archive. Blobs are processed oldest first, so the original of each content
/// hash is the earliest created copy. Unreadable blobs get a rejection report and lose any stale document.
/// </summary>
public sealed class Reindexer(
    IArticleExtractor extractor,
    ArticleStore store,
    RejectionReports rejections,
    BlobServiceClient blobService,
    IOptions<ArchiveOptions> options,
    TimeProvider timeProvider,
    ILogger<Reindexer> logger)
{
    /// <summary>The largest batch the service accepts.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>Reindexes everything; <paramref name="batchSize"/> documents per upload.</summary>
    public async Task<ReindexProgress> RunAsync(int batchSize, IProgress<ReindexProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);
        var containerName = options.Value.ArticlesContainer;
        var container = blobService.GetBlobContainerClient(containerName);
        var items = new List<(string Name, DateTimeOffset Created)>();
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            items.Add((item.Name, item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MinValue));
        }

        items.Sort((a, b) => a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.Name, b.Name));
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        int processed = 0, indexed = 0, rejected = 0;
        foreach (var chunk in items.Chunk(batchSize))
        {
            var results = new (BlobVersion? Version, ExtractionResult? Result)[chunk.Length];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, chunk.Length),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                async (i, token) => results[i] = await ExtractAsync(container.GetBlobClient(chunk[i].Name), token).ConfigureAwait(false)).ConfigureAwait(false);

            var batch = new IndexDocumentsBatch<ArticleDocument>();
            int batchIndexed = 0, batchRejected = 0;
            var now = timeProvider.GetUtcNow();
            foreach (var (version, result) in results)
            {
                if (version is null || result is null)
                {
                    continue; // deleted while we worked
                }

                var id = DocumentKey.For(version.Container, version.Path);
                if (!result.Succeeded)
                {
                    await rejections.WriteAsync(
                        new RejectionReport(result.Error.Code, result.Error.Message, version.ETag, now, version.Path), cancellationToken).ConfigureAwait(false);
                    batch.Actions.Add(IndexDocumentsAction.Delete(new ArticleDocument { Id = id }));
                    logger.Rejected(version.Path, result.Error.Code, result.Error.Message);
                    batchRejected++;
                    continue;
                }

                string? duplicateOf = null;
                if (originals.TryGetValue(result.Article.ContentHash, out var original))
                {
                    duplicateOf = original;
                }
                else
                {
                    originals[result.Article.ContentHash] = id;
                }

                var document = ArticleDocuments.Create(result.Article, version, duplicateOf, now);
                var bytes = SearchLimits.SerializedBytes(document);
                if (bytes > SearchLimits.MaxDocumentBytes)
                {
                    var tooLarge = new DocumentTooLargeException(id, bytes);
                    await rejections.WriteAsync(
                        new RejectionReport(IngestionErrorCodes.TooLargeToIndex, tooLarge.Message, version.ETag, now, version.Path), cancellationToken).ConfigureAwait(false);
                    batch.Actions.Add(IndexDocumentsAction.Delete(new ArticleDocument { Id = id }));
                    logger.Rejected(version.Path, IngestionErrorCodes.TooLargeToIndex, tooLarge.Message);
                    batchRejected++;
                    continue;
                }

                batch.Actions.Add(IndexDocumentsAction.MergeOrUpload(document));
                batchIndexed++;
            }

            if (batch.Actions.Count > 0)
            {
                await store.IndexAsync(batch.Actions, cancellationToken).ConfigureAwait(false);
            }

            processed += chunk.Length;
            indexed += batchIndexed;
            rejected += batchRejected;
            logger.ReindexBatch(chunk.Length, batchIndexed, batchRejected);
            progress?.Report(new ReindexProgress(processed, items.Count, indexed, rejected));
        }

        return new ReindexProgress(processed, items.Count, indexed, rejected);
    }

    private async Task<(BlobVersion?, ExtractionResult?)> ExtractAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            var d = download.Details;
            var version = new BlobVersion(blob.BlobContainerName, blob.Name, d.ETag.ToString(), d.ContentType, d.ContentLength, d.LastModified);
            var result = await extractor.ExtractAsync(download.Content, blob.Name, d.ContentLength, cancellationToken).ConfigureAwait(false);
            return (version, result);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}

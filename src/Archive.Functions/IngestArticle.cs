using Archive.Core.Ingestion;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>
/// Indexes an article uploaded to the articles container (any folder depth). Event Grid source: the only blob trigger
/// Flex Consumption runs. Transient failures throw (the runtime retries, then poisons); rejections do not.
/// </summary>
public sealed class IngestArticle(IArticleIngestor ingestor, ILogger<IngestArticle> logger)
{
    [Function(nameof(IngestArticle))]
    public async Task RunAsync(
        [BlobTrigger("%Archive:ArticlesContainer%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "ArticlesStorage")] BlobClient blob,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var result = await ingestor.IngestAsync(blob, cancellationToken).ConfigureAwait(false);
        logger.IngestFinished(blob.Name, result.Outcome.ToString());
    }
}

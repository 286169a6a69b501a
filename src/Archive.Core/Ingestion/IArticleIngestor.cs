using Azure.Storage.Blobs;

namespace Archive.Core.Ingestion;

/// <summary>Turns one blob into one search document (see <see cref="ArticleIngestor"/>).</summary>
public interface IArticleIngestor
{
    /// <summary>
    /// Reads the blob once, extracts it and upserts its document. Permanent extraction failures write a rejection report
    /// and return <see cref="IngestionOutcomes.Rejected"/>; transient storage or search failures throw.
    /// </summary>
    Task<IngestionResult> IngestAsync(BlobClient blob, CancellationToken cancellationToken);
}

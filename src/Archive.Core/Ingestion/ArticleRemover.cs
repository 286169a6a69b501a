using Archive.Core.Options;
using Archive.Core.Search;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// Removes the document of a deleted blob, from a BlobDeleted event on the deletions queue. Events for other
/// containers or other types are ignored; a blob that exists again (deleted, then re-uploaded) keeps its document.
/// A message that is not an event is logged and dropped: retrying it cannot help.
/// </summary>
public sealed class ArticleRemover(
    ArticleStore store,
    BlobServiceClient blobService,
    IOptions<ArchiveOptions> options,
    ILogger<ArticleRemover> logger)
{
    /// <summary>Handles one queue message; returns how many documents were removed.</summary>
    public async Task<int> RemoveAsync(string message, CancellationToken cancellationToken)
    {
        IReadOnlyList<BlobDeletedEvent> events;
        IReadOnlyList<string> ignored;
        try
        {
            events = BlobDeletedEvent.Parse(message, out ignored);
        }
        catch (FormatException e)
        {
            logger.DeletionEventMalformed(e.Message);
            return 0;
        }

        foreach (var reason in ignored)
        {
            logger.DeletionEventIgnored(null, null, reason);
        }

        var removed = 0;
        var articles = options.Value.ArticlesContainer;
        foreach (var deleted in events)
        {
            if (deleted.Container != articles)
            {
                logger.DeletionEventIgnored(BlobDeletedEvent.EventType, deleted.Container + "/" + deleted.BlobName, "another container");
                continue;
            }

            if (await RemoveBlobAsync(deleted.BlobName, cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Removes the document of <paramref name="blobName"/> unless the blob exists; true when one was removed.</summary>
    public async Task<bool> RemoveBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        var container = options.Value.ArticlesContainer;
        var id = DocumentKey.For(container, blobName);
        if (await store.GetStateAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        if (await blobService.GetBlobContainerClient(container).GetBlobClient(blobName).ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            logger.DeletionSkippedBlobExists(blobName);
            return false;
        }

        await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        logger.Removed(blobName, id);
        return true;
    }
}

using Archive.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Archive.Functions;

/// <summary>
/// Removes the document of a deleted blob. Event Grid delivers Microsoft.Storage.BlobDeleted events of the storage
/// account to the deletions queue; events for other containers are ignored.
/// </summary>
public sealed class RemoveArticle(ArticleRemover remover)
{
    [Function(nameof(RemoveArticle))]
    public Task RunAsync(
        [QueueTrigger("%Archive:DeletionsQueue%", Connection = "ArticlesStorage")] string message,
        CancellationToken cancellationToken) => remover.RemoveAsync(message, cancellationToken);
}

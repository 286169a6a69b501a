using Microsoft.Extensions.Logging;

namespace Archive.Core;

/// <summary>Source-generated log messages of Archive.Core.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "ArticleIndexed", Level = LogLevel.Information, Message = "Indexed {BlobName} as {DocumentId} (duplicate of {DuplicateOf})")]
    public static partial void Indexed(this ILogger logger, string blobName, string documentId, string? duplicateOf);

    [LoggerMessage(EventId = 1002, EventName = "ArticleUnchanged", Level = LogLevel.Information, Message = "Skipped {BlobName}: document {DocumentId} already has this version")]
    public static partial void Unchanged(this ILogger logger, string blobName, string documentId);

    [LoggerMessage(EventId = 1003, EventName = "ArticleRejected", Level = LogLevel.Warning, Message = "Rejected {BlobName}: {ErrorCode}: {ErrorMessage}")]
    public static partial void Rejected(this ILogger logger, string blobName, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 1004, EventName = "BlobMissing", Level = LogLevel.Information, Message = "Skipped {BlobName}: the blob no longer exists")]
    public static partial void BlobMissing(this ILogger logger, string blobName);

    [LoggerMessage(EventId = 1005, EventName = "ArticleRemoved", Level = LogLevel.Information, Message = "Removed document {DocumentId} of deleted blob {BlobName}")]
    public static partial void Removed(this ILogger logger, string blobName, string documentId);

    [LoggerMessage(EventId = 1006, EventName = "DeletionEventIgnored", Level = LogLevel.Debug, Message = "Ignored event {EventType} for {Subject}: {Reason}")]
    public static partial void DeletionEventIgnored(this ILogger logger, string? eventType, string? subject, string reason);

    [LoggerMessage(EventId = 1007, EventName = "DeletionEventMalformed", Level = LogLevel.Warning, Message = "Dropped a deletion message that is not an Event Grid event: {Reason}")]
    public static partial void DeletionEventMalformed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1008, EventName = "DeletionSkippedBlobExists", Level = LogLevel.Information, Message = "Kept document of {BlobName}: the blob exists again")]
    public static partial void DeletionSkippedBlobExists(this ILogger logger, string blobName);

    [LoggerMessage(EventId = 1009, EventName = "ReconcileCompleted", Level = LogLevel.Information, Message = "Reconciled {Blobs} blobs and {Documents} documents: {Reingested} re-ingested, {Removed} removed, {Rejected} rejected, {Failed} failed")]
    public static partial void ReconcileCompleted(this ILogger logger, int blobs, int documents, int reingested, int removed, int rejected, int failed);

    [LoggerMessage(EventId = 1010, EventName = "ReconcileIngestFailed", Level = LogLevel.Warning, Message = "Reconcile could not ingest {BlobName}")]
    public static partial void ReconcileIngestFailed(this ILogger logger, Exception exception, string blobName);

    [LoggerMessage(EventId = 1021, EventName = "BlobChangedWhileIngesting", Level = LogLevel.Information, Message = "{BlobName} changed while it was ingested (indexed {IndexedETag}, now {CurrentETag}): ingesting the current version")]
    public static partial void BlobChangedWhileIngesting(this ILogger logger, string blobName, string indexedETag, string currentETag);

    [LoggerMessage(EventId = 1022, EventName = "BlobDeletedWhileIngesting", Level = LogLevel.Information, Message = "{BlobName} was deleted while it was ingested: removed document {DocumentId} again")]
    public static partial void BlobDeletedWhileIngesting(this ILogger logger, string blobName, string documentId);

    [LoggerMessage(EventId = 1023, EventName = "BlobKeptChanging", Level = LogLevel.Warning, Message = "{BlobName} kept changing during {Passes} ingestions; the next version's trigger or the reconcile will index it")]
    public static partial void BlobKeptChanging(this ILogger logger, string blobName, int passes);

    [LoggerMessage(EventId = 1011, EventName = "ReindexBatch", Level = LogLevel.Information, Message = "Reindexed a batch of {Count} blobs ({Indexed} indexed, {Rejected} rejected)")]
    public static partial void ReindexBatch(this ILogger logger, int count, int indexed, int rejected);
}

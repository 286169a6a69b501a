using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>Source-generated log messages of the Functions app.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, EventName = "IndexCreated", Level = LogLevel.Warning, Message = "The search index was missing and has been created")]
    public static partial void IndexCreated(this ILogger logger);

    [LoggerMessage(EventId = 2002, EventName = "IndexCheckFailed", Level = LogLevel.Warning, Message = "Could not check the search index at start; continuing")]
    public static partial void IndexCheckFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, EventName = "DependencyFailed", Level = LogLevel.Warning, Message = "{Operation} failed: a dependency answered {Status}")]
    public static partial void DependencyFailed(this ILogger logger, Exception exception, string operation, int status);

    [LoggerMessage(EventId = 2004, EventName = "ReconcileRequested", Level = LogLevel.Information, Message = "Reconcile started by {Trigger}")]
    public static partial void ReconcileRequested(this ILogger logger, string trigger);

    [LoggerMessage(EventId = 2005, EventName = "IngestFinished", Level = LogLevel.Information, Message = "IngestArticle {BlobName}: {Outcome}")]
    public static partial void IngestFinished(this ILogger logger, string blobName, string outcome);
}

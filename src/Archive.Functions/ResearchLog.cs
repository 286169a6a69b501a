using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>Log messages of the export, timeline, feed and stats endpoints.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, EventName = "ExportInterrupted", Level = LogLevel.Warning, Message = "Export stopped after {Rows} of {Total} rows: a dependency failed")]
    public static partial void ExportInterrupted(this ILogger logger, Exception exception, long rows, long total);
}

namespace Archive.SearchEmulator;

/// <summary>The emulator's source-generated log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "CertificateCreated", Level = LogLevel.Information, Message = "Created a self-signed certificate for localhost and 127.0.0.1 in {Path}")]
    public static partial void CertificateCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 2, EventName = "CertificateReused", Level = LogLevel.Information, Message = "Reusing the certificate in {Path}")]
    public static partial void CertificateReused(ILogger logger, string path);

    [LoggerMessage(EventId = 3, EventName = "CertificateWritten", Level = LogLevel.Information, Message = "Certificate (PEM) written to {Path}")]
    public static partial void CertificateWritten(ILogger logger, string path);

    [LoggerMessage(EventId = 4, EventName = "IndexCreated", Level = LogLevel.Information, Message = "Index {IndexName} created")]
    public static partial void IndexCreated(ILogger logger, string indexName);

    [LoggerMessage(EventId = 5, EventName = "IndexDeleted", Level = LogLevel.Information, Message = "Index {IndexName} deleted")]
    public static partial void IndexDeleted(ILogger logger, string indexName);

    [LoggerMessage(EventId = 6, EventName = "IndexesLoaded", Level = LogLevel.Information, Message = "Loaded {Count} index(es) from {DataDirectory}")]
    public static partial void IndexesLoaded(ILogger logger, int count, string dataDirectory);

    [LoggerMessage(EventId = 7, EventName = "RequestFailed", Level = LogLevel.Error, Message = "Unexpected failure handling {Method} {Path}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 8, EventName = "IndexLoadFailed", Level = LogLevel.Error, Message = "Could not load index from {Folder}")]
    public static partial void IndexLoadFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 9, EventName = "FaultsSet", Level = LogLevel.Warning, Message = "Fault injection: rate {Rate}, statuses {Statuses}, latency {LatencyMs} ms, fail everything for {FailAllForSeconds} s")]
    public static partial void FaultsSet(ILogger logger, double rate, string statuses, int latencyMs, int failAllForSeconds);
}

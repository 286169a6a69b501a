using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Archive.Core;

/// <summary>
/// The app's own telemetry, with System.Diagnostics only (the Functions worker exports it through OpenTelemetry when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set): one <see cref="ActivitySource"/> span per ingestion and the
/// <see cref="Meter"/> instruments an operator acts on.
/// </summary>
public static class ArchiveTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Archive";

    /// <summary>Spans: <c>ingest</c> (tags <c>blob.name</c>, <c>blob.etag</c>, <c>document.id</c>, <c>outcome</c>, <c>error.code</c>).</summary>
    public static ActivitySource Source { get; } = new(Name, ArchiveInfo.Version);

    /// <summary>The meter of every instrument below.</summary>
    public static Meter Meter { get; } = new(Name, ArchiveInfo.Version);

    /// <summary>Indexed time minus the blob's last-modified time, in seconds (tag <c>outcome</c>).</summary>
    public static Histogram<double> IngestLatency { get; } = Meter.CreateHistogram<double>("archive.ingest.latency", "s", "Time from the blob's last change to its document being indexed.");

    /// <summary>Ingestions by <c>outcome</c> (indexed, unchanged, rejected, blobmissing, failed) and <c>error.code</c>.</summary>
    public static Counter<long> IngestOutcomes { get; } = Meter.CreateCounter<long>("archive.ingest.outcomes", "{ingestion}", "Ingestions by outcome and error code.");

    /// <summary>Extraction time, in seconds (tag <c>format</c>).</summary>
    public static Histogram<double> ExtractionDuration { get; } = Meter.CreateHistogram<double>("archive.extraction.duration", "s", "Time to extract one article.");

    /// <summary>Size of the extracted inputs, in bytes.</summary>
    public static Histogram<long> ExtractionSize { get; } = Meter.CreateHistogram<long>("archive.extraction.size", "By", "Size of each input extracted.");

    /// <summary>Search answers 429 or 503 (tag <c>status</c>): the service is throttling or overloaded.</summary>
    public static Counter<long> SearchThrottled { get; } = Meter.CreateCounter<long>("archive.search.throttled", "{response}", "Search requests answered 429 or 503.");

    /// <summary>What a reconcile repaired (tag <c>kind</c>: reingested, removed): drift between the container and the index.</summary>
    public static Counter<long> ReconcileDrift { get; } = Meter.CreateCounter<long>("archive.reconcile.drift", "{document}", "Documents a reconcile had to repair.");

    /// <summary>Messages seen in the poison queue or files in the dead-letter container by a replay (tag <c>kind</c>).</summary>
    public static Histogram<long> BacklogDepth { get; } = Meter.CreateHistogram<long>("archive.backlog.depth", "{item}", "Poison messages or dead-lettered files found by a replay.");
}

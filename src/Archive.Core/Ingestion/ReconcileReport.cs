namespace Archive.Core.Ingestion;

/// <summary>What a reconcile found and repaired.</summary>
public sealed record ReconcileReport
{
    /// <summary>Blobs in the articles container.</summary>
    public int Blobs { get; init; }

    /// <summary>Documents in the index before the repair.</summary>
    public int Documents { get; init; }

    /// <summary>Blobs whose document was missing or stale (another ETag), ingested again.</summary>
    public int Reingested { get; init; }

    /// <summary>Documents whose blob no longer exists, removed.</summary>
    public int Removed { get; init; }

    /// <summary>Blobs rejected again, or still rejected at the same version (their report stands).</summary>
    public int Rejected { get; init; }

    /// <summary>Blobs whose ingestion failed (transient errors; the next run retries them).</summary>
    public int Failed { get; init; }
}

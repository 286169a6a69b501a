namespace Archive.Core.Ingestion;

/// <summary>What a reconcile found and repaired; while it runs, also where it stands (the checkpoint).</summary>
public sealed record ReconcileReport
{
    /// <summary>The run's id (its start time, round-trip format); empty when no run was ever started.</summary>
    public string RunId { get; init; } = "";

    /// <summary><c>blobs</c> (repairing missing and stale documents), <c>documents</c> (removing orphans) or <c>done</c>.</summary>
    public string Phase { get; init; } = ReconcilePhases.Blobs;

    /// <summary>True when both passes went through the whole container and index.</summary>
    public bool Completed { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the run last wrote its checkpoint (or finished).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The blob listing's continuation token where the blob pass resumes (null: from the start).</summary>
    public string? BlobContinuation { get; init; }

    /// <summary>The last document id the document pass went through (keyset paging resumes after it).</summary>
    public string? AfterId { get; init; }

    /// <summary>Blobs in the articles container (seen so far).</summary>
    public int Blobs { get; init; }

    /// <summary>Documents in the index (seen so far by the document pass).</summary>
    public int Documents { get; init; }

    /// <summary>Blobs whose document was missing or stale (another ETag), ingested again.</summary>
    public int Reingested { get; init; }

    /// <summary>Documents whose blob did not exist when checked just before the delete, removed.</summary>
    public int Removed { get; init; }

    /// <summary>Blobs rejected again, or still rejected at the same version (their report stands).</summary>
    public int Rejected { get; init; }

    /// <summary>Blobs whose ingestion failed (transient errors; the next run retries them).</summary>
    public int Failed { get; init; }
}

/// <summary>The phases of a reconcile run.</summary>
public static class ReconcilePhases
{
    public const string Blobs = "blobs";
    public const string Documents = "documents";
    public const string Done = "done";
}

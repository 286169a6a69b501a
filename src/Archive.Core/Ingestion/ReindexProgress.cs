namespace Archive.Core.Ingestion;

/// <summary>Progress of a reindex: blobs processed so far out of the total.</summary>
public sealed record ReindexProgress(int Processed, int Total, int Indexed, int Rejected);

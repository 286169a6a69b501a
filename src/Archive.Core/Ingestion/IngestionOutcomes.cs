namespace Archive.Core.Ingestion;

/// <summary>What one ingestion did.</summary>
public enum IngestionOutcomes
{
    /// <summary>The document was created or replaced.</summary>
    Indexed,

    /// <summary>The indexed document already came from this blob version (same ETag): nothing was written.</summary>
    Unchanged,

    /// <summary>Extraction failed permanently; a rejection report was written.</summary>
    Rejected,

    /// <summary>The blob no longer exists (deleted before it was processed).</summary>
    BlobMissing,
}

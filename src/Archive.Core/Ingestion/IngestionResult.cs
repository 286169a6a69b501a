namespace Archive.Core.Ingestion;

/// <summary>The outcome of ingesting one blob, with the document id and, for a duplicate, the original's id.</summary>
public sealed record IngestionResult(IngestionOutcomes Outcome, string DocumentId, string? DuplicateOf = null, string? ErrorCode = null);

namespace Archive.Core.Ingestion;

/// <summary>The JSON written to <c>articles-rejected/&lt;path&gt;.error.json</c> when an article cannot be extracted.</summary>
public sealed record RejectionReport(string Code, string Message, string BlobETag, DateTimeOffset Time, string BlobPath);

namespace Archive.Core.Ingestion;

/// <summary>The blob facts stored with a document: where it is and which version was read.</summary>
public sealed record BlobVersion(string Container, string Path, string ETag, string? ContentType, long Size, DateTimeOffset? LastModified);

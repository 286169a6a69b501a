namespace Archive.Core.Search;

/// <summary>The few fields of an indexed document that ingestion and reconcile compare against storage.</summary>
public sealed record IndexedArticleState(string Id, string BlobContainer, string BlobPath, string? BlobETag, string ContentHash, string? DuplicateOf);

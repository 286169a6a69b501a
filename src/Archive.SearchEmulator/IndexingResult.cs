namespace Archive.SearchEmulator;

/// <summary>The per-document outcome of a <c>search.index</c> batch.</summary>
internal sealed record IndexingResult(string Key, bool Succeeded, string? ErrorMessage, int StatusCode);

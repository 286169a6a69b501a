namespace Archive.Cli;

/// <summary>What an upload did: counts, and why each failure failed.</summary>
internal sealed record UploadSummary(int Uploaded, int Skipped, IReadOnlyList<(string Path, string Error)> Failures)
{
    public int Failed => Failures.Count;
}

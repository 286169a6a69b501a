namespace Archive.Cli.Bridge;

/// <summary>What one bridge scan delivered: BlobCreated events posted, BlobDeleted events queued, posts that failed.</summary>
internal readonly record struct BridgeScan(int Created, int Deleted, int Failed);

namespace Archive.Core.Api;

/// <summary>The response of <c>GET /api/timeline</c>: matches per interval in a time zone.</summary>
public sealed record ArticleTimeline
{
    /// <summary>day, week, month or year.</summary>
    public required string Interval { get; init; }

    /// <summary>The time zone the buckets are cut in (an IANA id, or UTC).</summary>
    public required string Tz { get; init; }

    /// <summary>Every match, as <c>/api/search</c> counts them.</summary>
    public long Total { get; init; }

    /// <summary>Matches without a publication date (in no bucket): the buckets sum to <see cref="Total"/> − this.</summary>
    public long Undated { get; init; }

    /// <summary>Consecutive buckets from the first dated match (or <c>from</c>) to the last (or <c>to</c>), empty ones included.</summary>
    public IReadOnlyList<TimelineBucket> Buckets { get; init; } = [];
}

/// <summary>One interval: its start and end (local midnight in the time zone, with that instant's offset) and its count.</summary>
public sealed record TimelineBucket(DateTimeOffset Start, DateTimeOffset End, long Count);

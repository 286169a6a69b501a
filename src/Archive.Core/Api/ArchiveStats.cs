namespace Archive.Core.Api;

/// <summary>The response of <c>GET /api/stats</c>: what the archive holds, per day of the last <see cref="Days"/> days.</summary>
public sealed record ArchiveStats
{
    /// <summary>How many days <see cref="PerDay"/> covers (ending today in <see cref="Tz"/>).</summary>
    public int Days { get; init; }

    public required string Tz { get; init; }

    /// <summary>Local midnight of the first day.</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>Local midnight after the last day (today).</summary>
    public DateTimeOffset To { get; init; }

    public required StatsTotals Totals { get; init; }

    /// <summary>Originals published on each day, oldest first; empty days are 0.</summary>
    public IReadOnlyList<DayCount> PerDay { get; init; } = [];

    /// <summary>The sites with the most originals (all time), each with its counts per day (aligned with <see cref="PerDay"/>).</summary>
    public IReadOnlyList<SeriesCount> Sites { get; init; } = [];

    /// <summary>The languages with the most originals, likewise.</summary>
    public IReadOnlyList<SeriesCount> Languages { get; init; } = [];

    /// <summary>Rejection reports per error code, most first.</summary>
    public IReadOnlyList<CodeCount> Rejections { get; init; } = [];

    /// <summary>When the most recently indexed article was indexed; null for an empty archive.</summary>
    public DateTimeOffset? NewestIngestedAt { get; init; }
}

/// <summary>Totals over the whole archive.</summary>
public sealed record StatsTotals(long Articles, long Duplicates, long Undated, long Rejected);

/// <summary>One day (yyyy-MM-dd in the time zone) and its count.</summary>
public sealed record DayCount(string Date, long Count);

/// <summary>One site or language: its total of originals and its count on each day.</summary>
public sealed record SeriesCount(string Value, long Total, IReadOnlyList<long> PerDay);

/// <summary>One rejection code and how many reports carry it.</summary>
public sealed record CodeCount(string Code, long Count);

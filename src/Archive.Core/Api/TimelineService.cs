using System.Globalization;
using Archive.Core.Search;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Api;

/// <summary>
/// Counts matches per day, week, month or year in a time zone, from the service's date facets
/// (<c>publishedAt,interval:…,timeoffset:±hh:mm</c>). A facet's offset is fixed, a zone's is not (daylight saving),
/// so the range is cut where the zone's offset changes, each part is faceted with its own offset, and the buckets are
/// merged by their local start: the day of a change gets its counts from both sides.
/// </summary>
public sealed class TimelineService(SearchClient client)
{
    /// <summary>The most buckets one timeline may have.</summary>
    public const int MaxBuckets = 1000;

    /// <summary>
    /// The timeline of <paramref name="query"/> (its <c>from</c>/<c>to</c> bound the range; otherwise the first and
    /// last dated match do). No timeline but an error message when the range needs more than <see cref="MaxBuckets"/> buckets.
    /// </summary>
    public async Task<(ArticleTimeline? Timeline, string? Error)> GetAsync(ArticleQuery query, TimelineIntervals interval, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(zone);
        var text = query.Text ?? "*";
        var filter = ArticleFilter.Build(query);
        var total = CountAsync(text, filter, cancellationToken);
        var undated = CountAsync(text, And(filter, "publishedAt eq null"), cancellationToken);
        var first = query.From is { } f ? Task.FromResult<DateTimeOffset?>(f) : EdgeAsync(text, filter, "publishedAt asc", cancellationToken);
        var last = query.Before is { } b ? Task.FromResult<DateTimeOffset?>(b.AddMilliseconds(-1)) : EdgeAsync(text, filter, "publishedAt desc", cancellationToken);
        await Task.WhenAll(total, undated, first, last).ConfigureAwait(false);
        var timeline = new ArticleTimeline { Interval = interval.ToString().ToLowerInvariant(), Tz = zone.Id, Total = await total.ConfigureAwait(false), Undated = await undated.ConfigureAwait(false) };
        if (await first.ConfigureAwait(false) is not { } lo || await last.ConfigureAwait(false) is not { } hiInclusive || hiInclusive < lo)
        {
            return (timeline, null);
        }

        var starts = new List<DateTime>();
        for (var local = LocalStart(lo, interval, zone); ToInstant(local, zone) <= hiInclusive; local = Next(local, interval))
        {
            if (starts.Count == MaxBuckets)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"The range from {lo:yyyy-MM-dd} to {hiInclusive:yyyy-MM-dd} needs more than {MaxBuckets} {timeline.Interval} buckets; choose a longer interval or narrow 'from'/'to'."));
            }

            starts.Add(local);
        }

        var counts = await CountAsync(text, filter, starts, interval, zone, cancellationToken).ConfigureAwait(false);
        return (timeline with
        {
            Buckets = starts.Select((s, i) => new TimelineBucket(WithOffset(s, zone), WithOffset(Next(s, interval), zone), counts[i])).ToList(),
        }, null);
    }

    /// <summary>
    /// The matches of <paramref name="text"/> and <paramref name="filter"/> in each interval starting at the local times
    /// <paramref name="starts"/> (consecutive, ascending): one facet request per stretch of constant UTC offset.
    /// </summary>
    public async Task<long[]> CountAsync(string text, string? filter, IReadOnlyList<DateTime> starts, TimelineIntervals interval, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(zone);
        var result = new long[starts.Count];
        if (starts.Count == 0)
        {
            return result;
        }

        var index = new Dictionary<DateTime, int>();
        for (var i = 0; i < starts.Count; i++)
        {
            index[starts[i]] = i;
        }

        var parts = Segments(WithOffset(starts[0], zone), WithOffset(Next(starts[^1], interval), zone), zone);
        var facets = await Task.WhenAll(parts.Select(p => FacetAsync(text, filter, p, interval, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var (bucket, count) in facets[i])
            {
                if (index.TryGetValue(bucket.ToOffset(parts[i].Offset).DateTime, out var at))
                {
                    result[at] += count;
                }
            }
        }

        return result;
    }

    /// <summary>The local start (wall clock in <paramref name="zone"/>) of the interval holding <paramref name="instant"/>.</summary>
    public static DateTime LocalStart(DateTimeOffset instant, TimelineIntervals interval, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return interval switch
        {
            TimelineIntervals.Day => local.Date,
            TimelineIntervals.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            TimelineIntervals.Month => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
            _ => new DateTime(local.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        };
    }

    /// <summary>The next interval's local start.</summary>
    public static DateTime Next(DateTime localStart, TimelineIntervals interval) => interval switch
    {
        TimelineIntervals.Day => localStart.AddDays(1),
        TimelineIntervals.Week => localStart.AddDays(7),
        TimelineIntervals.Month => localStart.AddMonths(1),
        _ => localStart.AddYears(1),
    };

    /// <summary>
    /// The instant a local wall-clock time begins in <paramref name="zone"/>: a time skipped by a change (some zones
    /// skip midnight) begins when the clock resumes; a time that occurs twice begins at its first occurrence.
    /// </summary>
    public static DateTimeOffset WithOffset(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone) => WithOffset(local, zone);

    /// <summary>Cuts [from, to) where the zone's UTC offset changes.</summary>
    internal static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To, TimeSpan Offset)> Segments(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var result = new List<(DateTimeOffset, DateTimeOffset, TimeSpan)>();
        var start = from;
        var offset = zone.GetUtcOffset(start);
        var probe = start;
        while (probe < to)
        {
            // Zones change their offset at most a few times a year: probing every 12 hours finds each change.
            var next = probe.AddHours(12) < to ? probe.AddHours(12) : to;
            if (zone.GetUtcOffset(next) == offset)
            {
                probe = next;
                continue;
            }

            // The first instant with the new offset is in (lo, hi]; changes fall on whole seconds.
            var (lo, hi) = (probe, next);
            while (hi - lo > TimeSpan.FromSeconds(1))
            {
                var mid = lo + ((hi - lo) / 2);
                (lo, hi) = zone.GetUtcOffset(mid) == offset ? (mid, hi) : (lo, mid);
            }

            var ticks = lo.UtcTicks + 1;
            var change = new DateTimeOffset(ticks + ((TimeSpan.TicksPerSecond - (ticks % TimeSpan.TicksPerSecond)) % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            result.Add((start, change, offset));
            start = change;
            offset = zone.GetUtcOffset(change);
            probe = change;
        }

        result.Add((start, to, offset));
        return result;
    }

    private async Task<List<(DateTimeOffset Start, long Count)>> FacetAsync(
        string text, string? filter, (DateTimeOffset From, DateTimeOffset To, TimeSpan Offset) part, TimelineIntervals interval, CancellationToken cancellationToken)
    {
        var range = SearchFilter.Create($"publishedAt ge {part.From} and publishedAt lt {part.To}");
        var options = new AISearchOptions { Filter = And(filter, range), Size = 0, QueryType = SearchQueryType.Simple, SearchMode = SearchMode.All };
        var minutes = (int)Math.Round(part.Offset.TotalMinutes);
        var facet = "publishedAt,interval:" + interval.ToString().ToLowerInvariant();
        if (minutes != 0)
        {
            facet += string.Create(CultureInfo.InvariantCulture, $",timeoffset:{(minutes < 0 ? '-' : '+')}{Math.Abs(minutes) / 60:D2}:{Math.Abs(minutes) % 60:D2}");
        }

        options.Facets.Add(facet);
        var response = await client.SearchAsync<ArticleDocument>(text, options, cancellationToken).ConfigureAwait(false);
        var result = new List<(DateTimeOffset, long)>();
        if (response.Value.Facets is { } facets && facets.TryGetValue("publishedAt", out var buckets))
        {
            foreach (var bucket in buckets)
            {
                if (ToDate(bucket.Value) is { } start)
                {
                    result.Add((start, bucket.Count ?? 0));
                }
            }
        }

        return result;
    }

    private async Task<long> CountAsync(string text, string? filter, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions { Filter = filter, Size = 0, IncludeTotalCount = true, QueryType = SearchQueryType.Simple, SearchMode = SearchMode.All };
        return (await client.SearchAsync<ArticleDocument>(text, options, cancellationToken).ConfigureAwait(false)).Value.TotalCount ?? 0;
    }

    private async Task<DateTimeOffset?> EdgeAsync(string text, string? filter, string order, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions { Filter = And(filter, "publishedAt ne null"), Size = 1, QueryType = SearchQueryType.Simple, SearchMode = SearchMode.All };
        options.Select.Add("id");
        options.Select.Add("publishedAt");
        options.OrderBy.Add(order);
        var response = await client.SearchAsync<ArticleDocument>(text, options, cancellationToken).ConfigureAwait(false);
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return result.Document.PublishedAt;
        }

        return null;
    }

    private static DateTimeOffset? ToDate(object? value) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d,
        _ => null,
    };

    private static string And(string? filter, string clause) => filter is null ? clause : "(" + filter + ") and (" + clause + ")";
}

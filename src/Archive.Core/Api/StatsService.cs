using System.Globalization;
using Archive.Core.Ingestion;
using Archive.Core.Search;
using Azure.Search.Documents;
using AISearchOptions = Azure.Search.Documents.SearchOptions;

namespace Archive.Core.Api;

/// <summary>
/// Coverage statistics: totals, originals per day of the last N days overall and for the top sites and languages
/// (one date facet each), rejections per code from the rejected container, and the newest ingestion time.
/// </summary>
public sealed class StatsService(SearchClient client, TimelineService timeline, RejectionReports rejections, TimeProvider time)
{
    /// <summary>The most days a request may cover.</summary>
    public const int MaxDays = 366;

    /// <summary>Days covered when not asked.</summary>
    public const int DefaultDays = 30;

    /// <summary>Sites listed with their per-day counts.</summary>
    public const int TopSites = 20;

    /// <summary>Languages listed with their per-day counts.</summary>
    public const int TopLanguages = 10;

    private const string Originals = "duplicateOf eq null";

    /// <summary>The statistics of the last <paramref name="days"/> days in <paramref name="zone"/>.</summary>
    public async Task<ArchiveStats> GetAsync(int days, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var today = TimelineService.LocalStart(time.GetUtcNow(), TimelineIntervals.Day, zone);
        var starts = Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1)).ToList();

        var overview = OverviewAsync(cancellationToken);
        var duplicates = CountAsync("duplicateOf ne null", cancellationToken);
        var undated = CountAsync(Originals + " and publishedAt eq null", cancellationToken);
        var newest = NewestIngestedAsync(cancellationToken);
        var codes = rejections.CountByCodeAsync(cancellationToken);
        var perDay = timeline.CountAsync("*", Originals, starts, TimelineIntervals.Day, zone, cancellationToken);
        var (total, sites, languages) = await overview.ConfigureAwait(false);
        var siteSeries = sites.Select(s => SeriesAsync("siteName", s, starts, zone, cancellationToken)).ToList();
        var languageSeries = languages.Select(l => SeriesAsync("language", l, starts, zone, cancellationToken)).ToList();
        await Task.WhenAll(duplicates, undated, newest, codes, perDay).ConfigureAwait(false);
        var codeCounts = await codes.ConfigureAwait(false);
        var counts = await perDay.ConfigureAwait(false);
        return new ArchiveStats
        {
            Days = days,
            Tz = zone.Id,
            From = TimelineService.WithOffset(starts[0], zone),
            To = TimelineService.WithOffset(today.AddDays(1), zone),
            Totals = new StatsTotals(total, await duplicates.ConfigureAwait(false), await undated.ConfigureAwait(false), codeCounts.Values.Sum()),
            PerDay = starts.Select((s, i) => new DayCount(s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), counts[i])).ToList(),
            Sites = await Task.WhenAll(siteSeries).ConfigureAwait(false),
            Languages = await Task.WhenAll(languageSeries).ConfigureAwait(false),
            Rejections = codeCounts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new CodeCount(c.Key, c.Value)).ToList(),
            NewestIngestedAt = await newest.ConfigureAwait(false),
        };
    }

    private async Task<SeriesCount> SeriesAsync(string field, FacetCount value, IReadOnlyList<DateTime> starts, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var filter = Originals + " and " + field + " eq " + SearchFilter.Create($"{value.Value}");
        var counts = await timeline.CountAsync("*", filter, starts, TimelineIntervals.Day, zone, cancellationToken).ConfigureAwait(false);
        return new SeriesCount(value.Value, value.Count, counts);
    }

    private async Task<(long Total, IReadOnlyList<FacetCount> Sites, IReadOnlyList<FacetCount> Languages)> OverviewAsync(CancellationToken cancellationToken)
    {
        var options = new AISearchOptions { Filter = Originals, Size = 0, IncludeTotalCount = true };
        options.Facets.Add(string.Create(CultureInfo.InvariantCulture, $"siteName,count:{TopSites}"));
        options.Facets.Add(string.Create(CultureInfo.InvariantCulture, $"language,count:{TopLanguages}"));
        var results = (await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false)).Value;
        IReadOnlyList<FacetCount> Facet(string name) =>
            results.Facets is not null && results.Facets.TryGetValue(name, out var buckets)
                ? buckets.Where(b => b.Value is string { Length: > 0 }).Select(b => new FacetCount((string)b.Value, b.Count ?? 0)).ToList()
                : [];
        return (results.TotalCount ?? 0, Facet("siteName"), Facet("language"));
    }

    private async Task<long> CountAsync(string filter, CancellationToken cancellationToken)
    {
        var options = new AISearchOptions { Filter = filter, Size = 0, IncludeTotalCount = true };
        return (await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false)).Value.TotalCount ?? 0;
    }

    private async Task<DateTimeOffset?> NewestIngestedAsync(CancellationToken cancellationToken)
    {
        var options = new AISearchOptions { Size = 1, OrderBy = { "ingestedAt desc", "id asc" }, Select = { "id", "ingestedAt" } };
        var response = await client.SearchAsync<ArticleDocument>("*", options, cancellationToken).ConfigureAwait(false);
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return result.Document.IngestedAt;
        }

        return null;
    }
}

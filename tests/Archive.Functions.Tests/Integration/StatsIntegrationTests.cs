using Archive.Core.Api;
using Archive.Core.Ingestion;
using Archive.Core.Search;
using Archive.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Functions.Tests.Integration;

/// <summary><c>GET /api/stats</c> against what was uploaded to the emulator and Azurite.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class StatsIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static ArticleDocument Doc(string id, string site, string language, int daysAgo, int hour = 9) => ApiStack.Doc(id, d =>
    {
        d.SiteName = site;
        d.Language = language;
        d.PublishedAt = new DateTimeOffset(2026, 3, 10, hour, 0, 0, TimeSpan.Zero).AddDays(-daysAgo);
        d.IngestedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(daysAgo);
    });

    private static (StatsService Service, RejectionReports Reports, string RejectedContainer) Start(ApiStack stack)
    {
        var options = new Core.Options.ArchiveOptions { ArticlesContainer = stack.Options.ArticlesContainer, RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..10] };
        var reports = new RejectionReports(stack.Blobs, MsOptions.Create(options));
        var service = new StatsService(stack.Search, new TimelineService(stack.Search), reports, new FixedTime(Now));
        return (service, reports, options.RejectedContainer);
    }

    [Fact]
    public async Task Stats_AgainstTheUpload_CountsPerDaySiteLanguageAndRejections()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator,
            Doc("a1", "Daily", "en", 0), Doc("a2", "Daily", "en", 0, hour: 23), Doc("a3", "Daily", "fr", 2),
            Doc("b1", "Weekly", "en", 1), Doc("b2", "Weekly", "de", 6),
            Doc("old", "Weekly", "en", 40),
            ApiStack.Doc("copy", d => { d.SiteName = "Daily"; d.Language = "en"; d.DuplicateOf = "a1"; d.PublishedAt = Now; }),
            ApiStack.Doc("undated", d => { d.SiteName = "Daily"; d.Language = "en"; d.IngestedAt = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero); }));
        var (service, reports, _) = Start(stack);
        await reports.WriteAsync(new RejectionReport("malformed", "bad", "\"1\"", Now, "x/1.pdf"), default);
        await reports.WriteAsync(new RejectionReport("malformed", "bad", "\"2\"", Now, "x/2.pdf"), default);
        await reports.WriteAsync(new RejectionReport("empty", "empty", "\"3\"", Now, "x/3.txt"), default);

        // Act
        var result = await new Stats(service, NullLogger<Stats>.Instance).RunAsync(ApiMocks.Request("/api/stats", "?days=7"), default);

        // Assert
        var stats = Assert.IsType<ArchiveStats>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(7, stats.Days);
        Assert.Equal(new StatsTotals(Articles: 7, Duplicates: 1, Undated: 1, Rejected: 3), stats.Totals);
        Assert.Equal(
            ["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"],
            stats.PerDay.Select(d => d.Date));
        Assert.Equal([1L, 0, 0, 0, 1, 1, 2], stats.PerDay.Select(d => d.Count));
        var daily = stats.Sites.Single(s => s.Value == "Daily");
        Assert.Equal(4, daily.Total);
        Assert.Equal([0L, 0, 0, 0, 1, 0, 2], daily.PerDay);
        Assert.Equal([1L, 0, 0, 0, 0, 1, 0], stats.Sites.Single(s => s.Value == "Weekly").PerDay);
        Assert.Equal([0L, 0, 0, 0, 0, 1, 2], stats.Languages.Single(l => l.Value == "en").PerDay);
        Assert.Equal([new CodeCount("malformed", 2), new CodeCount("empty", 1)], stats.Rejections);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero), stats.NewestIngestedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), stats.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), stats.To);
    }

    [Fact]
    public async Task Stats_InAZoneAhead_MovesLateArticlesToTheNextDay()
    {
        // Arrange: 23:00 UTC on the 9th is already the 10th in Tokyo (+09:00), where "now" is the 10th at 21:00.
        var stack = await ApiStack.StartAsync(azurite, emulator, Doc("a", "Daily", "en", 1, hour: 23), Doc("b", "Daily", "en", 0, hour: 1));
        var (service, _, _) = Start(stack);

        // Act
        var stats = await service.GetAsync(3, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), default);

        // Assert
        Assert.Equal(["2026-03-08", "2026-03-09", "2026-03-10"], stats.PerDay.Select(d => d.Date));
        Assert.Equal([0L, 0, 2], stats.PerDay.Select(d => d.Count));
        Assert.Equal(0, stats.Totals.Rejected);
    }

    [Fact]
    public async Task Stats_LegacyReportWithoutCodeMetadata_IsReadForItsCode()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var (service, reports, rejected) = Start(stack);
        await reports.WriteAsync(new RejectionReport("too_large", "big", "\"1\"", Now, "a.pdf"), default);
        await stack.Blobs.GetBlobContainerClient(rejected).GetBlobClient("old.txt" + RejectionReports.Suffix).UploadAsync(BinaryData.FromString("{\"code\":\"unsupported_format\",\"message\":\"m\"}"));

        var stats = await service.GetAsync(1, TimeZoneInfo.Utc, default);

        Assert.Equal([new CodeCount("too_large", 1), new CodeCount("unsupported_format", 1)], stats.Rejections.OrderBy(c => c.Code, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("?days=0", "days")]
    [InlineData("?days=367", "days")]
    [InlineData("?days=x", "days")]
    [InlineData("?tz=Nowhere/Place", "tz")]
    public async Task Stats_Invalid_Returns400(string query, string parameter)
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var (service, _, _) = Start(stack);

        var result = await new Stats(service, NullLogger<Stats>.Instance).RunAsync(ApiMocks.Request("/api/stats", query), default);

        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(result, 400));
        Assert.True(problem.Errors.ContainsKey(parameter));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

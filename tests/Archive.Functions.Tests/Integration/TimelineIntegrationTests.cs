using System.Globalization;
using Archive.Core.Api;
using Archive.Core.Search;
using Archive.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Functions.Tests.Integration;

/// <summary><c>GET /api/timeline</c> over the real emulator: sums, and bucket edges in zones with daylight saving.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class TimelineIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private static ArticleDocument At(string id, string utc) =>
        ApiStack.Doc(id, d => d.PublishedAt = DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

    private static async Task<IActionResult> RunAsync(ApiStack stack, string query) =>
        await new Timeline(new TimelineService(stack.Search), NullLogger<Timeline>.Instance).RunAsync(ApiMocks.Request("/api/timeline", query), default);

    private static async Task<ArticleTimeline> TimelineAsync(ApiStack stack, string query) =>
        Assert.IsType<ArticleTimeline>(Assert.IsType<OkObjectResult>(await RunAsync(stack, query)).Value);

    private static string Local(DateTimeOffset d) => d.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Timeline_BerlinSpringForward_CountsTheShortDayOnceWithItsTrueEdges()
    {
        // Arrange: Europe/Berlin goes from +01:00 to +02:00 at 2024-03-31T01:00Z; that local day has 23 hours.
        var stack = await ApiStack.StartAsync(azurite, emulator,
            At("a", "2024-03-30T22:30:00Z"),  // 23:30 on the 30th (+01:00)
            At("b", "2024-03-30T23:30:00Z"),  // 00:30 on the 31st (+01:00)
            At("c", "2024-03-31T00:59:59Z"),  // 01:59:59 (+01:00), the last second before the change
            At("d", "2024-03-31T01:00:00Z"),  // 03:00 (+02:00)
            At("e", "2024-03-31T21:59:59Z"),  // 23:59:59 (+02:00)
            At("f", "2024-03-31T22:00:00Z"),  // 00:00 on 1 April (+02:00)
            ApiStack.Doc("undated"));

        // Act
        var days = await TimelineAsync(stack, "?interval=day&tz=Europe/Berlin");
        var utc = await TimelineAsync(stack, "?interval=day");

        // Assert
        Assert.Equal("day", days.Interval);
        Assert.Equal(7, days.Total);
        Assert.Equal(1, days.Undated);
        Assert.Equal(
            [("2024-03-30T00:00+01:00", "2024-03-31T00:00+01:00", 1L), ("2024-03-31T00:00+01:00", "2024-04-01T00:00+02:00", 4L), ("2024-04-01T00:00+02:00", "2024-04-02T00:00+02:00", 1L)],
            days.Buckets.Select(b => (Local(b.Start), Local(b.End), b.Count)));
        Assert.Equal(TimeSpan.FromHours(23), days.Buckets[1].End - days.Buckets[1].Start);
        Assert.Equal([("2024-03-30T00:00+00:00", 2L), ("2024-03-31T00:00+00:00", 4L)], utc.Buckets.Select(b => (Local(b.Start), b.Count)));
        Assert.Equal(utc.Total - utc.Undated, utc.Buckets.Sum(b => b.Count));
    }

    [Fact]
    public async Task Timeline_NewYorkFallBack_CountsBothOneThirtiesInTheLongDay()
    {
        // Arrange: America/New_York goes from -04:00 to -05:00 at 2024-11-03T06:00Z; 01:30 happens twice; that day has 25 hours.
        var stack = await ApiStack.StartAsync(azurite, emulator,
            At("a", "2024-11-03T03:59:59Z"),  // 23:59:59 on 2 November (-04:00)
            At("b", "2024-11-03T05:30:00Z"),  // 01:30 (-04:00)
            At("c", "2024-11-03T06:30:00Z"),  // 01:30 again (-05:00)
            At("d", "2024-11-04T04:59:59Z"),  // 23:59:59 on 3 November (-05:00)
            At("e", "2024-11-04T05:00:00Z"),  // 00:00 on 4 November (-05:00)
            At("f", "2024-12-31T12:00:00Z"));

        // Act
        var days = await TimelineAsync(stack, "?interval=day&tz=America/New_York&from=2024-11-01&to=2024-11-05");
        var months = await TimelineAsync(stack, "?interval=month&tz=America/New_York");

        // Assert
        Assert.Equal(
            [("2024-11-02T00:00-04:00", 1L), ("2024-11-03T00:00-04:00", 3L), ("2024-11-04T00:00-05:00", 1L)],
            days.Buckets.Where(b => b.Count > 0).Select(b => (Local(b.Start), b.Count)));
        Assert.Equal(TimeSpan.FromHours(25), days.Buckets.Single(b => b.Start.Day == 3).End - days.Buckets.Single(b => b.Start.Day == 3).Start);
        Assert.Equal(5, days.Buckets.Sum(b => b.Count));
        Assert.Equal(
            [("2024-11-01T00:00-04:00", 5L), ("2024-12-01T00:00-05:00", 1L)],
            months.Buckets.Select(b => (Local(b.Start), b.Count)));
        Assert.Equal(months.Total, months.Buckets.Sum(b => b.Count));
    }

    [Fact]
    public async Task Timeline_HalfHourZoneWeeksAndYears_CutAtLocalMidnightMonday()
    {
        // Arrange: Asia/Kolkata is +05:30 all year.
        var stack = await ApiStack.StartAsync(azurite, emulator,
            At("a", "2024-01-07T18:29:59Z"),  // Sunday 7 January 23:59:59 local: the week of Monday 1 January
            At("b", "2024-01-07T18:30:00Z"),  // Monday 8 January 00:00 local
            At("c", "2024-12-31T18:30:00Z"),  // 1 January 2025 00:00 local
            At("d", "2024-01-22T12:00:00Z"));

        // Act
        var weeks = await TimelineAsync(stack, "?interval=week&tz=Asia/Kolkata");
        var years = await TimelineAsync(stack, "?interval=year&tz=Asia/Kolkata");

        // Assert
        Assert.Equal(("2024-01-01T00:00+05:30", 1L), (Local(weeks.Buckets[0].Start), weeks.Buckets[0].Count));
        Assert.Equal(("2024-01-08T00:00+05:30", 1L), (Local(weeks.Buckets[1].Start), weeks.Buckets[1].Count));
        Assert.Equal(("2024-01-22T00:00+05:30", 1L), (Local(weeks.Buckets[3].Start), weeks.Buckets[3].Count));
        Assert.Equal(0, weeks.Buckets[2].Count);
        Assert.Equal(4, weeks.Buckets.Sum(b => b.Count));
        Assert.All(weeks.Buckets.Zip(weeks.Buckets.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal([("2024-01-01T00:00+05:30", 3L), ("2025-01-01T00:00+05:30", 1L)], years.Buckets.Select(b => (Local(b.Start), b.Count)));
    }

    [Fact]
    public async Task Timeline_FiltersAndQuery_ApplyAsInSearch()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator,
            ApiStack.Doc("x1", d => { d.PublishedAt = new DateTimeOffset(2023, 5, 1, 0, 0, 0, TimeSpan.Zero); d.SiteName = "Daily"; }),
            ApiStack.Doc("x2", d => { d.PublishedAt = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero); d.SiteName = "Weekly"; }),
            ApiStack.Doc("x3", d => { d.PublishedAt = new DateTimeOffset(2023, 6, 2, 0, 0, 0, TimeSpan.Zero); d.SiteName = "Daily"; d.DuplicateOf = "x1"; }));

        var daily = await TimelineAsync(stack, "?interval=year&site=Daily");
        var all = await TimelineAsync(stack, "?interval=year&includeDuplicates=true");

        Assert.Equal([1L], daily.Buckets.Select(b => b.Count));
        Assert.Equal(1, daily.Total);
        Assert.Equal([3L], all.Buckets.Select(b => b.Count));
    }

    [Theory]
    [InlineData("?interval=hour", "interval")]
    [InlineData("?interval=1", "interval")]
    [InlineData("?tz=Mars/Olympus", "tz")]
    [InlineData("?interval=day&from=1990-01-01&to=2024-01-01", "interval")]
    [InlineData("?sort=newest", "sort")]
    public async Task Timeline_Invalid_Returns400NamingTheParameter(string query, string parameter)
    {
        var stack = await ApiStack.StartAsync(azurite, emulator, At("a", "2024-01-01T00:00:00Z"));

        var problem = Assert.IsType<HttpValidationProblemDetails>(ApiMocks.AssertProblem(await RunAsync(stack, query), 400));

        Assert.True(problem.Errors.ContainsKey(parameter), string.Join(",", problem.Errors.Keys));
    }
}

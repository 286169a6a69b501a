using Archive.Core.Api;
using Microsoft.Extensions.Primitives;

namespace Archive.Core.Tests.Api;

public sealed class ResearchApiTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void CsvCell_Value_IsNeutralisedAndQuotedPerRfc4180(string value, string expected) =>
        Assert.Equal(expected, ArticleExportWriter.CsvCell(value));

    [Fact]
    public void ExportFields_Parse_CanonicalisesAndRejectsUnknownNames()
    {
        Assert.Equal(["id", "body", "publishedAt"], ExportFields.Parse(" ID, body ,publishedat,id", out var error));
        Assert.Null(error);
        Assert.DoesNotContain("body", ExportFields.Parse(null, out _)!);
        Assert.Null(ExportFields.Parse("id,password", out error));
        Assert.Contains("'password'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFilters_SortOrPaging_AreRefusedNamingTheRoute()
    {
        var query = ArticleQueryParser.ParseFilters([new("q", "x"), new("sort", "newest"), new("pageSize", "5")], "/api/export", out var errors);

        Assert.Null(query);
        Assert.Equal(["sort", "pageSize"], errors.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Contains("/api/export", errors["sort"][0], StringComparison.Ordinal);
        Assert.NotNull(ArticleQueryParser.ParseFilters([new("q", new StringValues("x")), new("site", "Daily")], "/api/export", out errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Segments_BerlinYear_CutAtBothDaylightSavingChanges()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var parts = TimelineService.Segments(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), berlin);

        Assert.Equal(
            [
                (new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 3, 31, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)),
                (new DateTimeOffset(2024, 3, 31, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 10, 27, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2)),
                (new DateTimeOffset(2024, 10, 27, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)),
            ],
            parts);
    }

    [Fact]
    public void WithOffset_SkippedAndRepeatedLocalTimes_StartAtTheirFirstInstant()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 02:30 does not exist on 10 March 2024 (the clock jumps to 03:00); 01:30 happens twice on 3 November.
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 3, 0, 0, TimeSpan.FromHours(-4)), TimelineService.WithOffset(new DateTime(2024, 3, 10, 2, 30, 0), newYork));
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 1, 30, 0, TimeSpan.FromHours(-4)), TimelineService.WithOffset(new DateTime(2024, 11, 3, 1, 30, 0), newYork));
    }
}

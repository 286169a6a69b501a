using Archive.Core.Extraction.Text;

namespace Archive.Core.Tests.Extraction;

[Collection(ExtractionCollection.Name)]
public sealed class DateParserTests
{
    [Theory]
    [InlineData("2023-01-11T17:39:00+04:00", "2023-01-11T17:39:00+04:00", null)]
    [InlineData("2023-01-11T17:39:00Z", "2023-01-11T17:39:00+00:00", null)]
    [InlineData("2023-01-11 17:39 (UTC+04:00)", "2023-01-11T17:39:00+04:00", null)]
    [InlineData("2023-01-11", "2023-01-11T00:00:00+00:00", "date")]
    [InlineData("date 2023-01-11 11 January 2023 17:39 (UTC+04:00)", "2023-01-11T17:39:00+04:00", null)]
    [InlineData("Wed, 11 Jan 2023 17:39:00 +0400", "2023-01-11T17:39:00+04:00", null)]
    [InlineData("March 3, 2021 4:05 PM EST", "2021-03-03T16:05:00-05:00", null)]
    [InlineData("November 8, 2019 22:05 GMT-5", "2019-11-08T22:05:00-05:00", null)]
    [InlineData("17:39, 11 January 2023", "2023-01-11T17:39:00+00:00", null)]
    [InlineData("3 mars 2021", "2021-03-03T00:00:00+00:00", "date")]
    [InlineData("3. März 2021", "2021-03-03T00:00:00+00:00", "date")]
    [InlineData("3 de marzo de 2021", "2021-03-03T00:00:00+00:00", "date")]
    [InlineData("3 марта 2021", "2021-03-03T00:00:00+00:00", "date")]
    [InlineData("11.01.2023", "2023-01-11T00:00:00+00:00", "date")]
    [InlineData("2023/01/11", "2023-01-11T00:00:00+00:00", "date")]
    [InlineData("2023年1月11日", "2023-01-11T00:00:00+00:00", "date")]
    public void ParseValue_KnownForms_KeepsOffsetAndPrecision(string input, string expected, string? precision)
    {
        var parsed = DateParser.ParseValue(input);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value.Value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, parsed.Value.Value.Offset);
        Assert.Equal(precision, parsed.Value.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no date here")]
    [InlineData("2023-02-30")]
    [InlineData("32 January 2023")]
    [InlineData("Room 1984 is on floor 3")]
    public void ParseValue_NoValidDate_ReturnsNull(string input)
    {
        Assert.Null(DateParser.ParseValue(input));
    }

    [Fact]
    public void ParseValue_TimeWithoutZone_AssumesUtcAndSaysSo()
    {
        var parsed = DateParser.ParseValue("Published March 3, 2021 4:05 PM");

        Assert.NotNull(parsed);
        Assert.True(parsed.Value.AssumedUtc);
        Assert.Equal(new DateTimeOffset(2021, 3, 3, 16, 5, 0, TimeSpan.Zero), parsed.Value.Value);
    }

    [Fact]
    public void FindAll_PublishedAndUpdated_KeepsEachTimeWithItsDate()
    {
        var dates = DateParser.FindAll("Published 3 March 2021 | Updated 4 March 2021 10:00");

        Assert.Equal(2, dates.Count);
        Assert.Null(dates[0].Time);
        Assert.Equal(new TimeSpan(10, 0, 0), dates[1].Time);
    }

    [Fact]
    public void ParseValue_AmbiguousNumericWithMonthFirst_ReadsUsOrder()
    {
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 0, 0, 0, TimeSpan.Zero), DateParser.ParseValue("03/04/2021", monthFirst: true)!.Value.Value);
        Assert.Equal(new DateTimeOffset(2021, 4, 3, 0, 0, 0, TimeSpan.Zero), DateParser.ParseValue("03/04/2021")!.Value.Value);
        Assert.Equal(new DateTimeOffset(2021, 12, 25, 0, 0, 0, TimeSpan.Zero), DateParser.ParseValue("12/25/2021")!.Value.Value);
    }
}

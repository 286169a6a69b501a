using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class HtmlDateParserTests
{
    [Theory]
    [InlineData("Posted on June 3, 2021  by Jane Roe", "2021-06-03")]
    [InlineData("4. März 2021, 09:15 Uhr", "2021-03-04")]
    [InlineData("lunes, 9 de agosto de 2021", "2021-08-09")]
    [InlineData("Stand: 14.07.2022", "2022-07-14")]
    [InlineData("le 3 février 2020", "2020-02-03")]
    [InlineData("7.3.2021 klo 10.05", "2021-03-07")]
    public void ParseText_WrittenDate_ReturnsThatDay(string text, string expected)
    {
        // Act
        var date = HtmlDateParser.ParseText(text, monthFirstNumeric: false);

        // Assert
        Assert.NotNull(date);
        Assert.Equal(expected, date.Value.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(date.Value.DateOnly);
    }

    [Fact]
    public void ParseMachine_OffsetGiven_KeepsTheOffsetAsWritten()
    {
        // Act
        var date = HtmlDateParser.ParseMachine("2019-10-08T22:05:00-05:00");

        // Assert
        Assert.NotNull(date);
        Assert.Equal(new DateTimeOffset(2019, 10, 8, 22, 5, 0, TimeSpan.FromHours(-5)), date.Value.Value);
        Assert.Equal(TimeSpan.FromHours(-5), date.Value.Value.Offset);
        Assert.False(date.Value.DateOnly);
    }

    [Fact]
    public void ParseMachine_DateOnly_IsMidnightUtcWithDatePrecision()
    {
        // Act
        var date = HtmlDateParser.ParseMachine("2020-02-05");

        // Assert
        Assert.NotNull(date);
        Assert.Equal(new DateTimeOffset(2020, 2, 5, 0, 0, 0, TimeSpan.Zero), date.Value.Value);
        Assert.True(date.Value.DateOnly);
    }

    [Fact]
    public void ParseMachine_UnpaddedIsoDateTime_ReadsIt()
    {
        // Act
        var date = HtmlDateParser.ParseMachine("2023-7-4 21:10:05");

        // Assert
        Assert.NotNull(date);
        Assert.Equal(new DateTimeOffset(2023, 7, 4, 21, 10, 5, TimeSpan.Zero), date.Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("2019-13-45")]
    [InlineData("February 30, 2020")]
    public void ParseMachine_Invalid_ReturnsNull(string text)
    {
        // Act
        var date = HtmlDateParser.ParseMachine(text);

        // Assert
        Assert.Null(date);
    }
}

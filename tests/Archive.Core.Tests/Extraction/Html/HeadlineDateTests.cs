using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

/// <summary>How the date shown under the headline is weighed against the page's metadata.</summary>
public sealed class HeadlineDateTests
{
    private const string Body = """
        <p>The river authority opened the new footbridge to walkers on Saturday morning, two years after the old crossing was closed for repairs.</p>
        <p>Engineers said the steel span was lifted into place in a single night, and that the ramps on both banks meet current accessibility rules.</p>
        """;

    private readonly HtmlArticleReader reader = new();

    private static string Page(string head, string underHeadline, string lang = "en") => $$"""
        <html lang="{{lang}}"><head><title>Footbridge opens</title>{{head}}</head>
        <body><nav><a href="/">Home</a> <span>Monday, 1 March 2027</span></nav>
        <article><h1>Footbridge opens</h1>{{underHeadline}}{{Body}}</article></body></html>
        """;

    private static string JsonLd(string published, string? modified = null) =>
        $$"""<script type="application/ld+json">{"@type":"NewsArticle","headline":"Footbridge opens","datePublished":"{{published}}"{{(modified is null ? "" : $",\"dateModified\":\"{modified}\"")}}}</script>""";

    [Fact]
    public void Read_UpdatedDateShownFirst_DatesTheArticleByTheModifiedInstant()
    {
        // Arrange
        var html = Page(JsonLd("2024-02-01T08:00:00+00:00", "2024-03-15T17:45:00+00:00"),
            "<div class=\"byline\">By Ana Ruiz</div><div>Updated March 15, 2024 5:45 pm</div>");

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 17, 45, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Null(article.PublishedAtPrecision);
    }

    [Fact]
    public void Read_UpdatedLabelInItsOwnElement_AppliesToTheDateAfterIt()
    {
        // Arrange: the label and the date are separate elements, and no metadata gives the update instant.
        var html = Page(JsonLd("2024-02-01T08:00:00+00:00"), "<p><span>Aktualisiert:</span> <span>15.03.2024</span></p>", lang: "de");

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("date", article.PublishedAtPrecision);
    }

    [Fact]
    public void Read_PublishedShownBeforeUpdated_KeepsThePublicationDate()
    {
        // Arrange
        var html = Page(JsonLd("2024-02-01T08:00:00+00:00", "2024-03-15T17:45:00+00:00"),
            "<p>Published: 1 February 2024</p><p>Updated: 15 March 2024</p>");

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.Zero), article.PublishedAt);
    }

    [Fact]
    public void Read_UtcInstantShownInLocalTime_KeepsTheInstantInTheShownOffset()
    {
        // Arrange: stored as 00:44 UTC on the 4th, shown as 21:44 on the 3rd (UTC-3).
        var html = Page(JsonLd("2022-05-04T00:44:52.000Z"), "<p class=\"when\">03/05/2022 21:44</p>", lang: "pt-BR");

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2022, 5, 3, 21, 44, 52, TimeSpan.FromHours(-3)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(-3), article.PublishedAt!.Value.Offset);
    }

    [Fact]
    public void Read_ShownDayFarFromTheMetadata_KeepsTheMetadata()
    {
        // Arrange: a date a week away under the headline is something else (an event, a related story).
        var html = Page(JsonLd("2024-02-01T08:00:00+00:00"), "<p>Opening ceremony: 8 February 2024</p>");

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.Zero), article.PublishedAt);
    }

    [Fact]
    public void Read_DateInNavigationBeforeTheHeadline_IsIgnored()
    {
        // Arrange: the page furniture above the headline carries today's date, 1 March 2027.
        var html = Page(JsonLd("2024-02-01T08:00:00+00:00"), "<p>By Ana Ruiz</p>");

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.Zero), article.PublishedAt);
    }

    [Fact]
    public void Read_RecommendationEnginePublishTime_WinsOverJsonLdStorageTime()
    {
        // Arrange
        var html = Page("""<meta name="cXenseParse:recs:publishtime" content="2022-05-11T04:10:00-03:00">""" + JsonLd("2022-05-10T23:35:55"), string.Empty);

        // Act
        var article = reader.Read(html, "bridge.html");

        // Assert
        Assert.Equal(new DateTimeOffset(2022, 5, 11, 4, 10, 0, TimeSpan.FromHours(-3)), article.PublishedAt);
    }
}

using Archive.Core.Extraction;

namespace Archive.Core.Tests.Extraction;

/// <summary>Plain-text exports: one test per layout family, each from a fixture written here.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class PlainTextLayoutTests
{
    private const string LooseHeader = """
         date 2024-05-02 2 May 2024 09:15 (UTC+02:00)

        Lena Fischer Read more

        The city council of Vienna approved a new tram line on Wednesday, Mayor Michael Ludwig told reporters after the vote

        "This line connects two districts that have waited for decades," said Ludwig. The project will cost 310 million euros.

        Construction is planned to start next spring and to end in 2027.

        ---

        Follow us on Twitter @AlpineDailyAt
        """;

    [Fact]
    public async Task Extract_LooseHeaderWithReadMoreByline_ReadsDateAuthorSiteAndBody()
    {
        var article = await Extract.ArticleAsync(LooseHeader, "tram.txt");

        Assert.Equal(ArticleFormats.Text, article.Format);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 15, 0, TimeSpan.FromHours(2)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(2), article.PublishedAt!.Value.Offset);
        Assert.Null(article.PublishedAtPrecision);
        Assert.Equal(["Lena Fischer"], article.Authors);
        Assert.Equal("AlpineDaily", article.SiteName);
        Assert.Equal("derived", article.TitleSource);
        Assert.Equal("The city council of Vienna approved a new tram line on Wednesday", article.Title);
        Assert.StartsWith("The city council of Vienna", article.Body, StringComparison.Ordinal);
        Assert.EndsWith("to end in 2027.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Follow us", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Read more", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("---", article.Body, StringComparison.Ordinal);
        Assert.Equal(3, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public async Task Extract_FieldHeaderBlock_ReadsEveryField()
    {
        const string text = """
            Title: Harbour strike ends after nine days
            Author: Maria Costa, Staff Writer
            Source: Coastal Herald
            Date: 2021-03-03
            URL: https://coastal-herald.example/harbour-strike
            Tags: labour, ports, strikes

            Dock workers returned to the terminals on Friday after the union accepted a new contract.

            The agreement raises wages by four percent a year.
            """;

        var article = await Extract.ArticleAsync(text, "strike.txt");

        Assert.Equal("Harbour strike ends after nine days", article.Title);
        Assert.Null(article.TitleSource);
        Assert.Equal(["Maria Costa"], article.Authors);
        Assert.Equal("Coastal Herald", article.SiteName);
        Assert.Equal("https://coastal-herald.example/harbour-strike", article.Url);
        Assert.Equal(new DateTimeOffset(2021, 3, 3, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("date", article.PublishedAtPrecision);
        Assert.Equal(["labour", "ports", "strikes"], article.Keywords.Take(3));
        Assert.Equal(
            "Dock workers returned to the terminals on Friday after the union accepted a new contract.\n\nThe agreement raises wages by four percent a year.",
            article.Body);
    }

    [Fact]
    public async Task Extract_HeadlineBylineWithSiteAndPublishedLine_ReadsAll()
    {
        const string text = """
            Solar farm opens on former coal site
            By Jonathan Reyes | Prairie Post
            Published March 3, 2021 4:05 PM

            A 200-megawatt solar farm began feeding the grid on Wednesday on land that once held a coal plant.

            The operator said the site would power 40,000 homes.
            """;

        var article = await Extract.ArticleAsync(text, "solar.txt");

        Assert.Equal("Solar farm opens on former coal site", article.Title);
        Assert.Null(article.TitleSource);
        Assert.Equal(["Jonathan Reyes"], article.Authors);
        Assert.Equal("Prairie Post", article.SiteName);
        Assert.Equal(new DateTimeOffset(2021, 3, 3, 16, 5, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Contains(article.Warnings, w => w.Contains("UTC was assumed", StringComparison.Ordinal));
        Assert.StartsWith("A 200-megawatt solar farm", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Prairie Post", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Publié le 3 mars 2021 à 16h05", 2021, 3, 3, 16, 5)]
    [InlineData("Veröffentlicht am 3. März 2021, 16:05 Uhr", 2021, 3, 3, 16, 5)]
    [InlineData("Publicado el 3 de marzo de 2021", 2021, 3, 3, -1, -1)]
    [InlineData("Опубликовано 3 марта 2021 г., 16:05", 2021, 3, 3, 16, 5)]
    [InlineData("Mittwoch, 17. November 2021", 2021, 11, 17, -1, -1)]
    [InlineData("Date : 1er décembre 2020", 2020, 12, 1, -1, -1)]
    [InlineData("Datum: 05.10.2019", 2019, 10, 5, -1, -1)]
    public async Task Extract_DateLineInOtherLanguages_ReadsTheDate(string dateLine, int year, int month, int day, int hour, int minute)
    {
        var text = dateLine + "\n\nLe conseil municipal a voté le budget après un long débat, et les élus de l'opposition ont quitté la salle.\n\nLa séance a duré six heures.";

        var article = await Extract.ArticleAsync(text, "date.txt");

        Assert.NotNull(article.PublishedAt);
        var published = article.PublishedAt.Value;
        Assert.Equal((year, month, day), (published.Year, published.Month, published.Day));
        if (hour < 0)
        {
            Assert.Equal("date", article.PublishedAtPrecision);
            Assert.Equal(TimeSpan.Zero, published.Offset);
        }
        else
        {
            Assert.Equal((hour, minute), (published.Hour, published.Minute));
            Assert.Null(article.PublishedAtPrecision);
        }

        Assert.DoesNotContain(dateLine, article.Body, StringComparison.Ordinal);
        Assert.StartsWith("Le conseil municipal", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_FrenchFieldBlock_ReadsTranslatedLabels()
    {
        const string text = """
            Titre : Le tramway arrive à Besançon
            Auteur : Claire Dubois
            Source : Journal de l'Est
            Date : 14 juin 2022

            Le nouveau tramway transporte ses premiers passagers depuis ce matin, et la ville espère réduire le trafic automobile.
            """;

        var article = await Extract.ArticleAsync(text, "tram-fr.txt");

        Assert.Equal("Le tramway arrive à Besançon", article.Title);
        Assert.Equal(["Claire Dubois"], article.Authors);
        Assert.Equal("Journal de l'Est", article.SiteName);
        Assert.Equal(new DateTimeOffset(2022, 6, 14, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("fr", article.Language);
    }

    [Fact]
    public async Task Extract_NoHeaderAtAll_DerivesTitleFromFirstSentence()
    {
        const string text = "Scientists have mapped the genome of the giant sequoia. The work took four years and involved 30 labs.\n\nThe results were published on Monday.";

        var article = await Extract.ArticleAsync(text, "sequoia.txt");

        Assert.Equal("Scientists have mapped the genome of the giant sequoia", article.Title);
        Assert.Equal("derived", article.TitleSource);
        Assert.Null(article.PublishedAt);
        Assert.Null(article.PublishedAtPrecision);
        Assert.Empty(article.Authors);
        Assert.Null(article.SiteName);
        Assert.Equal(text, article.Body);
    }

    [Fact]
    public async Task Extract_HeadlineWithoutByline_TakesHeadlineAndKeepsBody()
    {
        const string text = "River levels fall after week of floods\n\nWater levels on the Danube dropped for a third day on Sunday, officials said.\n\nCleanup crews moved into the old town.";

        var article = await Extract.ArticleAsync(text, "floods.txt");

        Assert.Equal("River levels fall after week of floods", article.Title);
        Assert.Null(article.TitleSource);
        Assert.StartsWith("Water levels on the Danube", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_FooterWithCopyrightAndShareBar_DropsFooterAndTakesSite()
    {
        const string text = """
            Budget talks resume in the capital

            Negotiators from both parties met again on Tuesday to close the gap on spending for next year.

            A vote is expected before the end of the month.

            Share this article
            © 2023 Northern Ledger. All rights reserved.
            """;

        var article = await Extract.ArticleAsync(text, "budget.txt");

        Assert.Equal("Northern Ledger", article.SiteName);
        Assert.EndsWith("before the end of the month.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Share", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("©", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_HardWrappedParagraphs_JoinsLinesWithinParagraph()
    {
        const string text = "Wrapped export\n\nThe committee met for the first time since the\nelection and agreed on a schedule for the\nhearings.\n\nA second paragraph follows here.";

        var article = await Extract.ArticleAsync(text, "wrapped.txt");

        Assert.Equal(
            "The committee met for the first time since the election and agreed on a schedule for the hearings.\n\nA second paragraph follows here.",
            article.Body);
    }

    [Fact]
    public async Task Extract_PostedByWithDateOnOneLine_SplitsNameAndDate()
    {
        const string text = "Library reopens after renovation\nPosted by Ana Lima on 12 February 2022\n\nThe central library reopened its doors on Saturday after two years of work on the building.";

        var article = await Extract.ArticleAsync(text, "library.txt");

        Assert.Equal(["Ana Lima"], article.Authors);
        Assert.Equal(new DateTimeOffset(2022, 2, 12, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("Library reopens after renovation", article.Title);
    }

    [Fact]
    public async Task Extract_SeveralAuthorsWithRolesAndEmails_KeepsCleanNames()
    {
        const string text = "Author: By Sarah O'Neil (sarah@news.example) and JAMES PARK, Senior Correspondent\n\nTwo reporters covered the summit from Geneva, where talks went on late into the night.";

        var article = await Extract.ArticleAsync(text, "summit.txt");

        Assert.Equal(["Sarah O'Neil", "James Park"], article.Authors);
    }
}

using System.Text;
using Archive.Core.Extraction;

namespace Archive.Core.Tests.Extraction;

/// <summary>Markdown, JSON, PDF, DOCX and HTML through the whole pipeline.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class FormatReaderTests
{
    [Fact]
    public async Task Extract_MarkdownWithFrontMatter_ReadsMetadataAndPlainBody()
    {
        const string markdown = """
            ---
            title: "Night trains return to the Alps"
            date: 2022-12-11T06:30:00+01:00
            author:
              - name: Petra Novak
              - Tomas Berg
            source: { name: Rail Review }
            url: https://rail-review.example/night-trains
            tags: [rail, travel]
            description: Two operators restart overnight services.
            lang: en
            ---

            # Night trains return to the Alps

            Two operators **restart** overnight services between [Vienna](https://example.org/vienna) and Zurich this week.

            - Sleeper cars are new
            - Tickets start at 39 euros

            > Demand has doubled since 2019.

            ![A train](train.jpg)
            """;

        var article = await Extract.ArticleAsync(markdown, "night-trains.md");

        Assert.Equal(ArticleFormats.Markdown, article.Format);
        Assert.Equal("Night trains return to the Alps", article.Title);
        Assert.Equal(new DateTimeOffset(2022, 12, 11, 6, 30, 0, TimeSpan.FromHours(1)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(1), article.PublishedAt!.Value.Offset);
        Assert.Equal(["Petra Novak", "Tomas Berg"], article.Authors);
        Assert.Equal("Rail Review", article.SiteName);
        Assert.Equal("https://rail-review.example/night-trains", article.Url);
        Assert.Equal("Two operators restart overnight services.", article.Summary);
        Assert.Equal(["rail", "travel"], article.Keywords.Take(2));
        Assert.Equal(
            "Two operators restart overnight services between Vienna and Zurich this week.\n\nSleeper cars are new\n\nTickets start at 39 euros\n\nDemand has doubled since 2019.",
            article.Body);
    }

    [Fact]
    public async Task Extract_MarkdownWithoutFrontMatter_TakesFirstHeadingAsTitle()
    {
        const string markdown = "# Storm closes mountain passes\n\n*By Lena Fischer*\n\nSnow and wind closed three passes on Tuesday, and drivers were told to stay home.";

        var article = await Extract.ArticleAsync(markdown, "storm.md");

        Assert.Equal("Storm closes mountain passes", article.Title);
        Assert.Equal(["Lena Fischer"], article.Authors);
        Assert.Equal("Snow and wind closed three passes on Tuesday, and drivers were told to stay home.", article.Body);
    }

    [Fact]
    public async Task Extract_MarkdownWithInvalidYaml_WarnsAndKeepsBody()
    {
        const string markdown = "---\ntitle: [unclosed\n---\n\nThe body survives a broken front matter block, as it should.";

        var article = await Extract.ArticleAsync(markdown, "broken.md");

        Assert.Contains(article.Warnings, w => w.Contains("front matter", StringComparison.Ordinal));
        Assert.Equal("The body survives a broken front matter block, as it should.", article.Body);
    }

    [Fact]
    public async Task Extract_JsonNewsArticle_ReadsSchemaOrgKeys()
    {
        const string json = """
            {
              "@context": "https://schema.org",
              "@type": "NewsArticle",
              "headline": "Port traffic hits a record",
              "datePublished": "2020-07-01T08:00:00-04:00",
              "author": [{ "@type": "Person", "name": "Ruth Adler" }, { "@type": "Person", "givenName": "Omar", "familyName": "Haddad" }],
              "publisher": { "@type": "Organization", "name": "Harbor Times" },
              "articleBody": "Container traffic rose 12 percent in June.\n\nOfficials credited new cranes.",
              "url": "https://harbor-times.example/record",
              "keywords": "ports, shipping",
              "description": "A record month for the port."
            }
            """;

        var article = await Extract.ArticleAsync(json, "record.json");

        Assert.Equal(ArticleFormats.Json, article.Format);
        Assert.Equal("Port traffic hits a record", article.Title);
        Assert.Equal(new DateTimeOffset(2020, 7, 1, 8, 0, 0, TimeSpan.FromHours(-4)), article.PublishedAt);
        Assert.Equal(["Ruth Adler", "Omar Haddad"], article.Authors);
        Assert.Equal("Harbor Times", article.SiteName);
        Assert.Equal("https://harbor-times.example/record", article.Url);
        Assert.Equal("A record month for the port.", article.Summary);
        Assert.Equal(["ports", "shipping"], article.Keywords.Take(2));
        Assert.Equal("Container traffic rose 12 percent in June.\n\nOfficials credited new cranes.", article.Body);
    }

    [Theory]
    [InlineData("""{"title": "T1", "date": "2020-07-01", "author": "By Ruth Adler", "source": "Harbor Times", "body": "Body text of the record, long enough."}""")]
    [InlineData("""{"Title": "T1", "published_at": "2020-07-01", "authors": ["Ruth Adler"], "site_name": "Harbor Times", "content": "<p>Body text of the record, long enough.</p>"}""")]
    [InlineData("""{"article": {"headline": "T1", "publishedAt": "2020-07-01", "byline": {"name": "Ruth Adler"}, "publisher": "Harbor Times", "text": "Body text of the record, long enough."}}""")]
    [InlineData("""{"@graph": [{"@type": "WebPage", "name": "x"}, {"@type": "ReportageNewsArticle", "headline": "T1", "datePublished": "2020-07-01", "author": {"name": "Ruth Adler"}, "publisher": {"name": "Harbor Times"}, "articleBody": "Body text of the record, long enough."}]}""")]
    [InlineData("""[{"headline": "T1", "date": 1593561600, "author": "Ruth Adler", "source": {"name": "Harbor Times"}, "text": "Body text of the record, long enough."}]""")]
    public async Task Extract_JsonSynonyms_ReadSameRecord(string json)
    {
        var article = await Extract.ArticleAsync(json, "record.json");

        Assert.Equal("T1", article.Title);
        Assert.Equal(2020, article.PublishedAt!.Value.Year);
        Assert.Equal(7, article.PublishedAt.Value.Month);
        Assert.Equal(1, article.PublishedAt.Value.Day);
        Assert.Equal(["Ruth Adler"], article.Authors);
        Assert.Equal("Harbor Times", article.SiteName);
        Assert.Equal("Body text of the record, long enough.", article.Body);
    }

    [Fact]
    public async Task Extract_JsonArrayOfSeveralRecords_IsUnsupported()
    {
        await Extract.FailureAsync("""[{"body": "a"}, {"body": "b"}]""", "many.json", ExtractionErrorCodes.UnsupportedFormat);
    }

    [Fact]
    public async Task Extract_JsonWithoutBody_IsEmpty()
    {
        await Extract.FailureAsync("""{"title": "Only a title"}""", "nobody.json", ExtractionErrorCodes.Empty);
    }

    [Fact]
    public async Task Extract_InvalidJsonNamedJson_IsMalformed()
    {
        await Extract.FailureAsync("""{"title": "unterminated""", "bad.json", ExtractionErrorCodes.Malformed);
    }

    [Fact]
    public async Task Extract_PdfWithTextLayerAndInfo_ReadsBodyAndMetadata()
    {
        var pdf = Documents.Pdf(
            [["Wind farm approved off the coast", "", "By Nora Lind", "", "The regional government approved the offshore wind farm on Monday.", "Construction starts next year."]],
            title: "Wind farm approved off the coast",
            author: "Nora Lind",
            creationDate: "D:20230111173900+04'00'");

        var article = await Extract.ArticleAsync(pdf, "wind.pdf");

        Assert.Equal(ArticleFormats.Pdf, article.Format);
        Assert.Equal("Wind farm approved off the coast", article.Title);
        Assert.Equal(["Nora Lind"], article.Authors);
        Assert.Contains("The regional government approved the offshore wind farm on Monday.", article.Body, StringComparison.Ordinal);
        Assert.Contains("Construction starts next year.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("By Nora Lind", article.Body, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 1, 11, 17, 39, 0, TimeSpan.FromHours(4)), article.PublishedAt);
        Assert.Contains(article.Warnings, w => w.Contains("creation date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_PdfWithoutText_IsEmpty()
    {
        var pdf = Documents.Pdf([[]]);

        await Extract.FailureAsync(pdf, "scan.pdf", ExtractionErrorCodes.Empty);
    }

    [Fact]
    public async Task Extract_TruncatedPdf_IsMalformed()
    {
        var pdf = Documents.Pdf([["A page of text that will be cut off."], ["A second page."]]);

        await Extract.FailureAsync(pdf[..(pdf.Length / 2)], "cut.pdf", ExtractionErrorCodes.Malformed);
    }

    [Fact]
    public async Task Extract_DocxWithCorePropertiesAndTitleStyle_ReadsAll()
    {
        var docx = Documents.Docx(
            ["# Bridge reopens after repairs", "By Ivan Horvat", "The old bridge reopened to traffic on Thursday after eight months of repairs.", "Cyclists get a separate lane."],
            creator: "Ivan Horvat",
            created: new DateTime(2021, 6, 3, 9, 0, 0, DateTimeKind.Utc),
            keywords: "bridges; traffic");

        var article = await Extract.ArticleAsync(docx, "bridge.docx");

        Assert.Equal(ArticleFormats.Docx, article.Format);
        Assert.Equal("Bridge reopens after repairs", article.Title);
        Assert.Equal(["Ivan Horvat"], article.Authors);
        Assert.Equal("The old bridge reopened to traffic on Thursday after eight months of repairs.\n\nCyclists get a separate lane.", article.Body);
        Assert.Equal(["bridges", "traffic"], article.Keywords.Take(2));
        Assert.Equal(new DateTimeOffset(2021, 6, 3, 9, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Contains(article.Warnings, w => w.Contains("creation date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_DocxWithPrintedDate_PrefersItOverCreationDate()
    {
        var docx = Documents.Docx(
            ["Council adopts climate plan", "12 May 2022", "The council adopted the plan by a wide margin after a short debate."],
            created: new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var article = await Extract.ArticleAsync(docx, "plan.docx");

        Assert.Equal(new DateTimeOffset(2022, 5, 12, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("date", article.PublishedAtPrecision);
        Assert.DoesNotContain(article.Warnings, w => w.Contains("creation date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_DocxWithDtdEntities_IsMalformedWithoutExpansion()
    {
        const string document = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """;
        var docx = Documents.Zip(
            ("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", document));

        await Extract.FailureAsync(docx, "entities.docx", ExtractionErrorCodes.Malformed);
    }

    [Fact]
    public async Task Extract_DocxZipBomb_IsRefusedBeforeInflating()
    {
        var extractor = new ArticleExtractor(new ExtractionOptions { MaxUncompressedBytes = 4 * 1024 * 1024 });
        var bomb = Documents.ZipBomb(32L * 1024 * 1024);
        Assert.True(bomb.Length < 256 * 1024, "the bomb itself is small");

        var error = await Extract.FailureAsync(bomb, "bomb.docx", ExtractionErrorCodes.TooLarge, extractor);

        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_ZipThatIsNotDocx_IsUnsupported()
    {
        var zip = Documents.Zip(("xl/workbook.xml", "<workbook/>"));

        var error = await Extract.FailureAsync(zip, "numbers.docx", ExtractionErrorCodes.UnsupportedFormat);

        Assert.Contains("Excel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_HtmlPage_GoesThroughTheHtmlReader()
    {
        const string html = "<!DOCTYPE html><html lang=\"en\"><head><title>Page</title></head><body><h1>Museum opens new wing</h1><p>The city museum opened a new wing on Saturday.</p><p>Entry is free in May.</p></body></html>";

        var article = await Extract.ArticleAsync(html, "museum.html");

        Assert.Equal(ArticleFormats.Html, article.Format);
        Assert.Equal("Museum opens new wing", article.Title);
        Assert.Equal("The city museum opened a new wing on Saturday.\n\nEntry is free in May.", article.Body);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public async Task Extract_DeeplyNestedHtml_IsRefusedWithoutParsing()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p>deep</p>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append("</div>");
        }

        html.Append("</body></html>");

        var error = await Extract.FailureAsync(html.ToString(), "deep.html", ExtractionErrorCodes.Malformed);

        Assert.Contains("nests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_NestedHtmlWithinTheLimit_IsRead()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 500; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p>A paragraph deep inside many containers, still readable.</p>");
        for (var i = 0; i < 500; i++)
        {
            html.Append("</div>");
        }

        html.Append("</body></html>");

        var article = await Extract.ArticleAsync(html.ToString(), "nested.html");

        Assert.Equal("A paragraph deep inside many containers, still readable.", article.Body);
    }

    [Fact]
    public async Task Extract_TruncatedHtml_StillYieldsText()
    {
        const string html = "<html><head><title>Cut</title></head><body><p>The first paragraph arrived whole.</p><p>The second was cut mid";

        var article = await Extract.ArticleAsync(html, "cut.html");

        Assert.StartsWith("The first paragraph arrived whole.", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_DeeplyNestedMarkdownList_IsRefusedQuickly()
    {
        var markdown = "# Deep\n\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', i * 2) + "- item\n"));

        var error = await Extract.FailureAsync(markdown, "deep.md", ExtractionErrorCodes.Malformed);

        Assert.Contains("nests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_YamlAliasBomb_DoesNotExpand()
    {
        const string markdown = """
            ---
            title: Bomb
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            tags: *e
            keywords: *a
            ---

            The body of an article whose front matter is a billion-laughs attempt.
            """;

        var article = await Extract.ArticleAsync(markdown, "bomb.md");

        Assert.Equal("Bomb", article.Title);
        Assert.Equal(["lol"], article.Keywords.Take(1));
        Assert.True(article.Keywords.Count < 15);
    }

    [Fact]
    public async Task Extract_GermanExportWithSourceFooter_ReadsBylineDateAndSite()
    {
        const string text = """
            Streik legt Flughafen lahm
            Von Heike Buchter und Klaus Meier
            17. Oktober 2019, 14:30 Uhr

            Der Streik des Bodenpersonals hat am Donnerstag den Flughafen lahmgelegt, sagte ein Sprecher der Gewerkschaft.

            Bundeskanzlerin Angela Merkel rief beide Seiten zu Gesprächen auf.

            Quelle: Rheinische Post
            """;

        var article = await Extract.ArticleAsync(text, "streik.txt");

        Assert.Equal("Streik legt Flughafen lahm", article.Title);
        Assert.Equal(["Heike Buchter", "Klaus Meier"], article.Authors);
        Assert.Equal(new DateTimeOffset(2019, 10, 17, 14, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("Rheinische Post", article.SiteName);
        Assert.Equal("de", article.Language);
        Assert.Contains("Angela Merkel", article.People);
        Assert.DoesNotContain("Quelle", article.Body, StringComparison.Ordinal);
    }
}

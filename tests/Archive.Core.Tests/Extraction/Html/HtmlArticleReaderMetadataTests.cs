using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class HtmlArticleReaderMetadataTests
{
    private const string Paragraphs = """
        <p>The harbour authority approved the new ferry timetable on Tuesday after months of talks with residents of the outer islands.</p>
        <p>Under the plan, the first boat leaves at six in the morning and the last one returns shortly before midnight on weekdays.</p>
        <p>Residents said the late sailing would let students attend evening classes on the mainland without staying overnight.</p>
        """;

    private readonly HtmlArticleReader reader = new();

    [Fact]
    public void Read_JsonLdNewsArticle_TakesHeadlineDateAuthorsAndPublisher()
    {
        // Arrange
        var html = $$"""
            <html lang="en-GB"><head><title>Ferry timetable approved | Harbour Gazette</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry timetable approved",
             "datePublished":"2021-04-06T09:30:00+01:00","dateModified":"2021-04-07T10:00:00+01:00",
             "author":[{"@type":"Person","name":"Maren Holt"},"Ivo Brandt"],
             "publisher":{"@type":"Organization","name":"Harbour Gazette"},
             "keywords":"ferries, islands","description":"The new timetable adds a late sailing."}
            </script></head>
            <body><article><h1>Ferry timetable approved</h1>{{Paragraphs}}</article></body></html>
            """;

        // Act
        var article = reader.Read(html, "gazette/ferry.html");

        // Assert
        Assert.Equal("Ferry timetable approved", article.Title);
        Assert.Equal(new DateTimeOffset(2021, 4, 6, 9, 30, 0, TimeSpan.FromHours(1)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(1), article.PublishedAt!.Value.Offset);
        Assert.Null(article.PublishedAtPrecision);
        Assert.Equal(["Maren Holt", "Ivo Brandt"], article.Authors);
        Assert.Equal("Harbour Gazette", article.SiteName);
        Assert.Equal("en", article.DeclaredLanguage);
        Assert.Equal("The new timetable adds a late sailing.", article.Summary);
        Assert.Equal(["ferries", "islands"], article.Keywords);
    }

    [Fact]
    public void Read_JsonLdGraphWithIdReferences_ResolvesAuthorAndSkipsWebSiteNode()
    {
        // Arrange
        var html = $$$"""
            <html><head>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://example.test/#site","name":"Island Post"},
              {"@type":"WebPage","@id":"https://example.test/ferry/#page","name":"Ferry page"},
              {"@type":["Article","BlogPosting"],"@id":"https://example.test/ferry/#article","headline":"Late ferry returns",
               "datePublished":"2022-11-03","author":{"@id":"https://example.test/#/person/1"},"mainEntityOfPage":{"@id":"https://example.test/ferry/"}},
              {"@type":"Person","@id":"https://example.test/#/person/1","name":"Sofia Lind"}]}
            </script></head><body><h1>Late ferry returns</h1><div>{{{Paragraphs}}}</div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Late ferry returns", article.Title);
        Assert.Equal(["Sofia Lind"], article.Authors);
        Assert.Equal("Island Post", article.SiteName);
        Assert.Equal("https://example.test/ferry/", article.Url);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("date", article.PublishedAtPrecision);
    }

    [Fact]
    public void Read_OpenGraphOnly_StripsTheSiteSuffixFromTheTitle()
    {
        // Arrange
        var html = $$"""
            <html><head>
            <meta property="og:title" content="Storm closes coastal road - Coastline Daily">
            <meta property="og:site_name" content="Coastline Daily">
            <meta property="og:url" content="https://coast.example/storm">
            <meta property="article:published_time" content="2020-01-15T22:05:00-05:00">
            <meta property="article:tag" content="weather"><meta property="article:tag" content="roads">
            </head><body><div class="content">{{Paragraphs}}</div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Storm closes coastal road", article.Title);
        Assert.Equal("Coastline Daily", article.SiteName);
        Assert.Equal("https://coast.example/storm", article.Url);
        Assert.Equal("2020-01-15", article.PublishedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(-5), article.PublishedAt.Value.Offset);
        Assert.Equal(["weather", "roads"], article.Keywords);
    }

    [Fact]
    public void Read_DublinCoreOnly_ReadsDateAndCreator()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Library opens late</title>
            <meta name="DC.date.issued" content="2019-05-06">
            <meta name="DC.creator" content="Petra Nowak">
            </head><body><h1>Library opens late</h1><div>{{Paragraphs}}</div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal(["Petra Nowak"], article.Authors);
        Assert.Equal(new DateTimeOffset(2019, 5, 6, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("date", article.PublishedAtPrecision);
    }

    [Fact]
    public void Read_BylineMarkupOnly_CleansPrefixRoleAndEmail()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Bridge repairs start | Valley News</title></head><body>
            <article><h1>Bridge repairs start next week</h1>
            <p class="byline">By <span class="author">Tomas Reyes, Staff Writer</span> · tomas@valley.example</p>
            <time datetime="2023-03-02T08:00:00+02:00">2 March 2023</time>
            {{Paragraphs}}</article></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Bridge repairs start next week", article.Title);
        Assert.Equal(["Tomas Reyes"], article.Authors);
        Assert.Equal(new DateTimeOffset(2023, 3, 2, 8, 0, 0, TimeSpan.FromHours(2)), article.PublishedAt);
    }

    [Fact]
    public void Read_VisibleBylineTextOnly_FindsPostedByName()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Notes on tide tables</title></head><body>
            <div class="post"><h1>Notes on tide tables</h1>
            <div class="post-info">Posted on March 9, 2018 by Lena Fischer</div>
            {{Paragraphs}}</div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal(["Lena Fischer"], article.Authors);
        Assert.Equal(new DateTimeOffset(2018, 3, 9, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("date", article.PublishedAtPrecision);
    }

    [Fact]
    public void Read_EntityEncodedTitle_IsDecoded()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Fish &amp; chips: the &#8220;best&#8221; in town &#8211; Food Weekly</title>
            <meta property="og:site_name" content="Food Weekly"></head>
            <body><div>{{Paragraphs}}</div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Fish & chips: the \u201Cbest\u201D in town", article.Title);
    }

    [Fact]
    public void Read_AuthorSlotHoldsTheSiteName_ReturnsNoAuthor()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Jobs fair this weekend</title>
            <meta property="og:site_name" content="Work &amp; Hire">
            <meta name="author" content="Work &amp; Hire"></head>
            <body><h1>Jobs fair this weekend</h1><div>{{Paragraphs}}</div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Read_BlogNameInPageHeaderAndPostTitleInEntryHeader_ReturnsThePostTitle()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Tide Notes | Notes on the local harbour tides</title></head><body>
            <header id="masthead"><h1><a href="/">Tide Notes</a></h1></header>
            <div class="wrap"><header class="entry-header"><h1 class="entry-title">Notes on the local harbour tides</h1></header>
            <div class="entry-content">{{Paragraphs}}</div></div></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Notes on the local harbour tides", article.Title);
    }

    [Fact]
    public void Read_KickerInsideHeading_ReturnsTheHeadlineWithoutIt()
    {
        // Arrange
        var html = $$"""
            <html><head><title>Energy: Wind farm approved | Nordblatt</title></head><body><article>
            <h1><span class="headline-kicker">Energy</span><span class="visually-hidden">: </span><span class="headline-text">Wind farm approved</span></h1>
            {{Paragraphs}}</article></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Wind farm approved", article.Title);
    }
}

using System.Text;
using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class HtmlArticleReaderRobustnessTests
{
    private readonly HtmlArticleReader reader = new();

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("<")]
    [InlineData("<html><head><title>Cut off</title></head><body><article><p>Half a sentence and then the file en")]
    [InlineData("<script>var a = 1;</script><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>")]
    [InlineData("\0\u0001\u0002 binary \uFFFD\uFFFD garbage <<<>>> </div></span>")]
    public void Read_BadInput_ReturnsWithoutThrowing(string html)
    {
        // Act
        var article = reader.Read(html, "bad.html");

        // Assert
        Assert.NotNull(article.Body);
    }

    [Fact]
    public void Read_TruncatedPage_KeepsTheTextItHas()
    {
        // Arrange
        var html = "<html><head><title>Cut off</title></head><body><article><h1>Cut off</h1><p>The first paragraph arrived complete and says enough to be an article on its own.</p><p>The second paragraph was cut in the mid";

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Contains("The first paragraph arrived complete", article.Body, StringComparison.Ordinal);
        Assert.Contains("The second paragraph was cut in the mid", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("b")]
    public void Read_HundredThousandNestedElements_ReturnsTheTextAndAWarning(string tag)
    {
        // Arrange
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
        {
            html.Append('<').Append(tag).Append('>');
        }

        html.Append("The deepest sentence of the page survives the nesting.");

        // Act
        var article = reader.Read(html.ToString(), null);

        // Assert
        Assert.Contains("The deepest sentence of the page survives the nesting.", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Warnings, w => w.Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HugeMetaValuesAndSingleLineText_ReturnsTheArticle()
    {
        // Arrange
        var spaces = new string(' ', 200_000);
        var html = $"<html><head><meta name=\"author\" content=\"By{spaces},x\"><meta property=\"article:published_time\" content=\"{spaces}2021-01-02\">" +
                   $"<title>Long lines</title></head><body><article><h1>Long lines are fine</h1><p>{string.Concat(Enumerable.Repeat("word ", 100_000))}</p></article></body></html>";

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal("Long lines are fine", article.Title);
        Assert.Empty(article.Authors);
        Assert.StartsWith("word word", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScriptsOnly_ReturnsAnEmptyBody()
    {
        // Arrange
        var html = "<html><head><script>document.write('hello');</script></head><body><script>var x = '<p>not text</p>';</script><style>p{color:red}</style></body></html>";

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Equal(string.Empty, article.Body);
    }

    [Fact]
    public void Read_SameReaderOnManyThreads_GivesTheSameResult()
    {
        // Arrange
        var html = "<html><head><title>Parallel</title><meta name=\"author\" content=\"Ada Stone\"></head><body><article><h1>Parallel reading works</h1><p>This paragraph is long enough to be taken as the body of a short article about threads.</p></article></body></html>";
        var expected = reader.Read(html, null);

        // Act
        var results = new RawArticleSnapshot[32];
        Parallel.For(0, results.Length, i =>
        {
            var article = reader.Read(html, null);
            results[i] = new RawArticleSnapshot(article.Title, article.Body, string.Join("|", article.Authors));
        });

        // Assert
        Assert.All(results, r => Assert.Equal(new RawArticleSnapshot(expected.Title, expected.Body, string.Join("|", expected.Authors)), r));
        Assert.Equal("Parallel reading works", expected.Title);
    }

    private sealed record RawArticleSnapshot(string? Title, string Body, string Authors);
}

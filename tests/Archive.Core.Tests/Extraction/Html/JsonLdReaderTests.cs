using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class JsonLdReaderTests
{
    [Fact]
    public void Read_RawNewlinesInsideStrings_AreRepaired()
    {
        // Arrange
        var script = "{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\",\"datePublished\":\"2020-02-05\"}";

        // Act
        var article = JsonLdReader.Read([script]);

        // Assert
        Assert.NotNull(article);
        Assert.Equal("Two lines", article.Headline);
        Assert.Equal("2020-02-05", article.DatePublished);
    }

    [Fact]
    public void Read_ArrayOfBlocksWithAuthorStringsAndOrganization_PrefersTheArticleNode()
    {
        // Arrange
        var scripts = new[]
        {
            "[{\"@type\":\"BreadcrumbList\",\"name\":\"Home\"},{\"@type\":\"ReportageNewsArticle\",\"headline\":\"Flood warning lifted\",\"author\":[\"Ana Costa\",{\"@type\":\"Person\",\"givenName\":\"Ben\",\"familyName\":\"Ode\"}],\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"River Times\"}}]",
            "{ this is not json",
        };

        // Act
        var article = JsonLdReader.Read(scripts);

        // Assert
        Assert.NotNull(article);
        Assert.True(article.IsArticleType);
        Assert.Equal("Flood warning lifted", article.Headline);
        Assert.Equal(["Ana Costa", "Ben Ode"], article.Authors);
        Assert.Equal("River Times", article.Publisher);
    }

    [Fact]
    public void Read_NoUsableBlock_ReturnsNull()
    {
        // Act
        var article = JsonLdReader.Read(["", "<!-- -->", "{\"@type\":\"BreadcrumbList\"}"]);

        // Assert
        Assert.Null(article);
    }
}

using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class HtmlArticleReaderStandfirstTests
{
    private const string Story = """
        <div class="story-text">
        <p>The regional council met for four hours on Thursday evening and heard from more than forty residents about the plans.</p>
        <p>Most speakers supported the proposal, although farmers on the northern edge asked for changes to the planned access roads.</p>
        <p>A final vote is expected next month, after the planning office has published its answers to the written objections.</p>
        </div>
        """;

    private readonly HtmlArticleReader reader = new();

    [Fact]
    public void Read_VisibleStandfirstOutsideTheTextBlock_PutsItFirst()
    {
        // Arrange
        var html = $$"""
            <html><head><meta name="description" content="Residents back the new wind park, but farmers want the access roads moved further north."></head>
            <body><article><header><h1>Residents back wind park</h1>
            <p class="standfirst">Residents back the new wind park, but farmers want the access roads moved further north.</p></header>
            {{Story}}</article></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.StartsWith("Residents back the new wind park, but farmers want the access roads moved further north.\n\n", article.Body, StringComparison.Ordinal);
        Assert.Contains("A final vote is expected next month", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DescriptionNotShownOnThePage_IsNotAddedToTheBody()
    {
        // Arrange
        var html = $$"""
            <html><head><meta name="description" content="Everything you need to know about the council meeting on the new wind park, in one place."></head>
            <body><article><h1>Residents back wind park</h1>{{Story}}</article></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.DoesNotContain("Everything you need to know", article.Body, StringComparison.Ordinal);
        Assert.Equal("Everything you need to know about the council meeting on the new wind park, in one place.", article.Summary);
    }
}

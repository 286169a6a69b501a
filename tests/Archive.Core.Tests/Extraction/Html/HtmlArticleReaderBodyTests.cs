using Archive.Core.Extraction.Html;

namespace Archive.Core.Tests.Extraction.Html;

public sealed class HtmlArticleReaderBodyTests
{
    private readonly HtmlArticleReader reader = new();

    [Fact]
    public void Read_BoilerplateHeavyPage_KeepsParagraphsAndDropsFurniture()
    {
        // Arrange
        var html = """
            <html><head><title>Council votes on park</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
            <main><article>
              <h1>Council votes to keep the river park</h1>
              <p>The city council voted eight to three on Monday to keep the river park open to the public, ending a year of debate over its future.</p>
              <p>Opponents had argued that selling part of the land would pay for repairs to the old swimming pool on the east bank of the river.</p>
              <div class="newsletter-signup"><p>Sign up for our morning briefing and never miss a story from the valley again.</p></div>
              <p>The mayor said a separate fund would now be set up for the pool, with the first payments expected before the summer season starts.</p>
              <figure><img src="park.jpg"><figcaption>The river park at dusk. Photo: Ana Costa</figcaption></figure>
              <p>Residents who attended the meeting applauded when the result was read out, and several stayed to thank the councillors in person.</p>
            </article></main>
            <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Pool repairs delayed again</a></li><li><a href="/b">Park cafe reopens</a></li></ul></aside>
            <section id="comments"><div class="comment"><p>Great news for the families who use the park every weekend, thank you council!</p></div></section>
            <footer><p>Copyright 2024 Valley Herald. All rights reserved.</p></footer>
            </body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        Assert.Contains("The city council voted eight to three on Monday", article.Body, StringComparison.Ordinal);
        Assert.Contains("Residents who attended the meeting applauded", article.Body, StringComparison.Ordinal);
        Assert.Contains("a separate fund would now be set up for the pool", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on Facebook", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign up for our morning briefing", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Pool repairs delayed again", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Great news for the families", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright 2024", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Photo: Ana Costa", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sport", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralParagraphs_SeparatesThemWithABlankLine()
    {
        // Arrange
        var html = """
            <html><body><article>
            <p>First paragraph of the story, long enough to look like real prose written by a reporter for readers.</p>
            <p>Second   paragraph,
               with a line break inside the source and more words so that it is clearly article text.</p>
            <p>Third paragraph closes the story with a quote from a local resident who saw what happened.</p>
            </article></body></html>
            """;

        // Act
        var article = reader.Read(html, null);

        // Assert
        var paragraphs = article.Body.Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("First paragraph", paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("Second paragraph, with a line break inside the source and more words so that it is clearly article text.", paragraphs[1]);
    }
}

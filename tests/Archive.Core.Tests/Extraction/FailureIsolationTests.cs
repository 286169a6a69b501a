using AngleSharp.Html.Parser;
using Archive.Core.Extraction;
using Archive.Core.Extraction.Enrichment;
using Archive.Core.Extraction.Html;
using Archive.Core.Extraction.Pipeline;

namespace Archive.Core.Tests.Extraction;

/// <summary>A failure costs the smallest unit it can: one derived field, or (for the HTML reader) the page as malformed, never as empty.</summary>
[Collection(ExtractionCollection.Name)]
public sealed class FailureIsolationTests
{
    private const string Article = "Harbour reopens after repairs\n\nThe harbour of Valdoria reopened on Monday after six weeks of repairs, said Marta Quell, the port's director.\n\nShips from Kestria and Morland were the first to dock, and the harbour council expects traffic to return to normal within a month.";

    /// <summary>A markup error AngleSharp reports in strict mode (a stray end tag).</summary>
    private const string StrayEndTag = "<!DOCTYPE html><html><head><title>Broken page</title></head><body><p>Text</b></p></body></html>";

    public static TheoryData<string> Fields => new() { "language", "keywords", "entities", "summary" };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Extract_OneDerivedFieldThrows_LeavesThatFieldEmptyWithAWarningAndKeepsTheRest(string field)
    {
        // Arrange: the product's steps, with the one named replaced by a step that throws.
        var normal = await Extract.ArticleAsync(Article, "harbour.txt");
        var failing = new InvalidOperationException("the step broke");
        var steps = EnrichmentSteps.Default;
        steps = field switch
        {
            "language" => steps with { Language = (_, _, _) => throw failing },
            "keywords" => steps with { Keywords = (_, _, _, _) => throw failing },
            "entities" => steps with { Entities = (_, _, _) => throw failing },
            _ => steps with { Summary = (_, _) => throw failing },
        };
        var extractor = new ArticleExtractor(null, steps, null);

        // Act
        var result = await Extract.TextAsync(Article, "harbour.txt", extractor);

        // Assert: the article is kept, the field is empty, a warning names it, the other fields are as without the failure.
        Assert.True(result.Succeeded, result.Error?.Message);
        var article = result.Article!;
        Assert.Contains(article.Warnings, w => w.StartsWith(field + ":", StringComparison.Ordinal) && w.Contains("the step broke", StringComparison.Ordinal));
        Assert.Equal(normal.Title, article.Title);
        Assert.Equal(normal.Body, article.Body);
        Assert.Equal(normal.ContentHash, article.ContentHash);
        Assert.Equal(normal.WordCount, article.WordCount);
        Assert.Equal(field == "language" ? null : normal.Language, article.Language);
        Assert.Equal(field == "keywords" ? [] : normal.Keywords, article.Keywords);
        Assert.Equal(field == "entities" ? [] : normal.People, article.People);
        Assert.Equal(field == "entities" ? [] : normal.Places, article.Places);
        Assert.Equal(field == "summary" ? null : normal.Summary, article.Summary);
        Assert.NotNull(normal.Language);
        Assert.NotEmpty(normal.Keywords);
        Assert.NotEmpty(normal.People);
        Assert.NotNull(normal.Summary);
    }

    [Fact]
    public void HtmlReader_ParserThrows_IsMalformedWithTheParsersMessage()
    {
        // Arrange: AngleSharp's strict mode throws on the first markup error; its message is what the reader must report.
        var strict = new HtmlParserOptions { IsStrictMode = true };
        var parserMessage = Assert.Throws<HtmlParseException>(() => new HtmlParser(strict).ParseDocument(StrayEndTag)).Message;
        var reader = new HtmlArticleReader(strict);

        // Act
        var failure = Assert.Throws<ExtractionFailureException>(() => reader.Read(StrayEndTag, "broken.html"));

        // Assert
        Assert.Equal(ExtractionErrorCodes.Malformed, failure.Code);
        Assert.Contains(parserMessage, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_HtmlReaderFails_IsMalformedNotEmpty()
    {
        // Arrange
        var extractor = new ArticleExtractor(null, null, new HtmlArticleReader(new HtmlParserOptions { IsStrictMode = true }));

        // Act
        var error = await Extract.FailureAsync(System.Text.Encoding.UTF8.GetBytes(StrayEndTag), "broken.html", ExtractionErrorCodes.Malformed, extractor);

        // Assert
        Assert.StartsWith(HtmlArticleReader.ReadFailure, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(HtmlParseException), error.Message, StringComparison.Ordinal);
    }
}

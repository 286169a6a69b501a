using Archive.Core.Extraction.Enrichment;
using Archive.Extraction.Tooling.Hostile;

namespace Archive.Core.Tests.Extraction;

/// <summary>
/// Issue #9, scenario 7: every input the fuzzer (./fuzz.sh) found breaking a promise is kept under
/// Fuzz/regressions/ and replayed here. The extension says which target found it (.txt .html .md .json .pdf .docx,
/// and .docx-xml for a document.xml the target wrapped in a valid package). Each must end with an article or a coded
/// failure that a reader anticipated — never an escaped exception, and never the pipeline's last-resort catch.
/// </summary>
[Collection(ExtractionCollection.Name)]
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fuzz", "regressions");

    public static TheoryData<string> Inputs() => [.. Directory.EnumerateFiles(Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Extract_FuzzRegression_EndsWithAnAnticipatedOutcome(string name)
    {
        var (content, path) = Load(name);

        var result = Extract.Extractor.Extract(content, path);

        if (!result.Succeeded)
        {
            Assert.DoesNotContain("could not be read (", result.Error.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        }
    }

    [Fact]
    public void Extract_FrontMatterThatBreaksYamlDotNetsScanner_IsIgnoredAndTheArticleRead()
    {
        // YamlDotNet threw InvalidOperationException (not YamlException) here, and the whole article was lost.
        var (content, path) = Load("markdown-yaml-scanner-invalid-operation.md");

        var result = Extract.Extractor.Extract(content, path);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains(result.Article.Warnings, w => w.Contains("front matter is not valid YAML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("markdown-yaml-unsupported-event.md")]
    [InlineData("text-time-with-nko-digits.txt")]
    [InlineData("docx-utf16-noncharacters.docx")]
    public void Extract_FuzzFoundInput_IsReadAsAnArticle(string name)
    {
        // YamlDotNet's node loader threw ArgumentException on an unexpected event; a time written in NKo digits
        // (Unicode \d) reached int.Parse and threw FormatException; nine bytes named .docx (a UTF-16 mark, then
        // U+FFFE) made the content hash's Unicode normalization throw. Each cost the whole article.
        var (content, path) = Load(name);

        var result = Extract.Extractor.Extract(content, path);

        Assert.True(result.Succeeded, result.Error?.Message);
    }

    [Fact]
    public void Extract_HtmlWithDatesInNonAsciiDigits_IsRead()
    {
        // The HTML date parser had the same Unicode-digit bug as the text one (found by reading the code after the text
        // finding): the reader's own catch then dropped the page, which the pipeline reported as "empty".
        var html = "<html><head><meta property=\"article:published_time\" content=\"20\u07C0\u07C0-01-01\"><title>Council meets</title></head><body><article><h1>Council meets</h1>"
                   + "<p>The town council met on Monday to discuss the harbour plan and the new library.</p><time>12 March 20\u07C0\u07C1</time></article></body></html>";

        var result = Extract.Extractor.Extract(System.Text.Encoding.UTF8.GetBytes(html), "nko.html");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains("harbour plan", result.Article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caf\u00e9 \uFFFE")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("\uDC00 low first")]
    public void ContentHash_InvalidCodePoints_HashLikeTheReplacementCharacter(string body)
    {
        var replaced = body.Replace('\uFFFE', '\uFFFD').Replace('\uD800', '\uFFFD').Replace('\uDC00', '\uFFFD');

        Assert.Equal(ContentHash.Compute(replaced), ContentHash.Compute(body));
    }

    private static (byte[] Content, string Path) Load(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        return name.EndsWith(".docx-xml", StringComparison.Ordinal)
            ? (HostileCorpus.DocxPackage(bytes), Path.ChangeExtension(name, ".docx"))
            : (bytes, name);
    }
}

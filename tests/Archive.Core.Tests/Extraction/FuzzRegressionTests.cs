using Archive.Core.Extraction.Hostile;

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

    private static (byte[] Content, string Path) Load(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        return name.EndsWith(".docx-xml", StringComparison.Ordinal)
            ? (HostileCorpus.DocxPackage(bytes), Path.ChangeExtension(name, ".docx"))
            : (bytes, name);
    }
}

using System.Text;
using Archive.Core.Extraction;
using Archive.Extraction.Tooling.Hostile;

namespace Archive.Core.Tests.Extraction;

/// <summary>
/// Issue #9, scenario 6: every file of the generated hostile corpus (<see cref="HostileCorpus"/>) ends with the right
/// rejection (code and a message that says what is wrong) or a correct extraction, and never takes the process down.
/// Time and memory per file are measured by <c>archive bench hostile</c>, not asserted here; the timeouts below only
/// guard against hangs. The 200 MB inputs are streams generated while read, so they cost the suite no memory.
/// </summary>
[Collection(ExtractionCollection.Name)]
public sealed class HostileFileTests
{
    /// <summary>A hang guard only: the slowest file takes a few seconds on a loaded two-core machine.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Per file: a fragment of the rejection message (what a person needs to act on), or, for a file that must be
    /// read, of a warning it must carry.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["truncated.pdf"] = "truncated or corrupt",
        ["encrypted.pdf"] = "encrypted",
        ["zip-bomb.docx"] = "zip bomb",
        ["zip-bomb-lying.docx"] = "not a valid Word document",
        ["billion-laughs.docx"] = "DTD is prohibited",
        ["line-10mb.txt"] = "wrapped into paragraphs",
        ["binary-junk.txt"] = "binary, not text",
        ["invalid-utf8.txt"] = "not valid UTF-8",
        ["html-nested-100k.html"] = "levels deep; the limit is 1,000",
        ["html-nested-100k-custom.html"] = "nested deeper than 256 levels were flattened",
        ["json-nested-1m.json"] = "more than 64 levels deep",
        ["json-objects-nested-1m.json"] = "more than 64 levels deep",
        ["yaml-nested-30k.md"] = "more than 64 levels deep; it was ignored",
        ["markdown-brackets-1m.md"] = "too deeply",
        ["scripts-only.html"] = "No article text",
        ["huge-200mb.txt"] = "the limit is 52,428,800 bytes",
        ["huge-200mb-unknown-length.txt"] = "larger than the limit of 52,428,800 bytes",
    };

    public static TheoryData<string> Names() => [.. HostileCorpus.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Extract_HostileFile_EndsWithTheExpectedOutcomeAndSaysWhy(string name)
    {
        var file = HostileCorpus.All.Single(f => f.Name == name);
        var fragment = Expected[name];

        var result = await RunAsync(file);

        if (file.ExpectedCode is null)
        {
            Assert.True(result.Succeeded, $"{name}: {result.Error?.Code}: {result.Error?.Message}");
            Assert.False(string.IsNullOrWhiteSpace(result.Article.Body));
            Assert.Contains(result.Article.Warnings, w => w.Contains(fragment, StringComparison.Ordinal));
        }
        else
        {
            Assert.False(result.Succeeded, $"{name}: expected {file.ExpectedCode}, got an article");
            Assert.Equal(file.ExpectedCode, result.Error.Code);
            Assert.Contains(fragment, result.Error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Expected_CoversEveryFileOfTheCorpus()
    {
        Assert.Equal(HostileCorpus.All.Select(f => f.Name).Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Extract_HugeFileWithDeclaredLength_IsRefusedWithoutReadingAByte()
    {
        using var stream = new GeneratedStream(HostileCorpus.HugeLength, seekable: false);

        var result = await Extract.Extractor.ExtractAsync(stream, "huge.txt", HostileCorpus.HugeLength, CancellationToken.None);

        Assert.Equal(ExtractionErrorCodes.TooLarge, result.Error!.Code);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Extract_HugeStreamOfUnknownLength_StopsReadingJustPastTheCap()
    {
        using var stream = new GeneratedStream(HostileCorpus.HugeLength, seekable: false);

        var result = await Extract.Extractor.ExtractAsync(stream, "huge.txt", declaredLength: null, CancellationToken.None);

        Assert.Equal(ExtractionErrorCodes.TooLarge, result.Error!.Code);
        Assert.InRange(stream.BytesRead, ExtractionOptions.DefaultMaxBytes + 1, ExtractionOptions.DefaultMaxBytes + (1 << 20));
    }

    [Fact]
    public async Task Extract_HtmlNestedDeepInUncountedElements_KeepsTheDeepestText()
    {
        var result = await RunAsync(HostileCorpus.All.Single(f => f.Name == "html-nested-100k-custom.html"));

        Assert.Contains("The deepest sentence of the page survives the nesting.", result.Article!.Body, StringComparison.Ordinal);
        Assert.Contains(result.Article.Warnings, w => w.Contains("flattened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_FrontMatterNestedThirtyThousandDeep_IgnoresItAndReadsTheBody()
    {
        // Before the depth check, YamlDotNet's recursive node loading overflowed the stack here and killed the process.
        var result = await RunAsync(HostileCorpus.All.Single(f => f.Name == "yaml-nested-30k.md"));

        Assert.Contains("thirty thousand levels deep", result.Article!.Body, StringComparison.Ordinal);
        Assert.Contains(result.Article.Warnings, w => w.Contains("more than 64 levels deep; it was ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_FrontMatterNestedWithinTheLimit_IsStillRead()
    {
        var markdown = "---\ntitle: Shallow front matter\ntags: [[[council]]]\n---\n\nThe body of an article whose front matter nests a little.";

        var article = await Extract.ArticleAsync(markdown, "shallow.md");

        Assert.Equal("Shallow front matter", article.Title);
        Assert.DoesNotContain(article.Warnings, w => w.Contains("levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_DeepJsonWithoutJsonName_IsNotAnArticleRecordButDoesNotCrash()
    {
        var json = new string('[', 1_000_000) + new string(']', 1_000_000);

        var result = await Extract.TextAsync(json, "brackets.txt").WaitAsync(HangGuard);

        // Not JSON that can be read, so it is read as (meaningless) text or refused; either way the process lives.
        Assert.True(result.Succeeded || result.Error.Code == ExtractionErrorCodes.Malformed, result.Error?.Message);
    }

    [Fact]
    public async Task Extract_HtmlWithDeepJsonLd_ReadsThePageAndIgnoresTheBlock()
    {
        var html = "<html><head><title>Depot opens</title><script type=\"application/ld+json\">" + new string('[', 200_000) +
                   "</script></head><body><article><h1>Depot opens</h1><p>The new bus depot opened on the east side of the city on Monday morning.</p></article></body></html>";

        var article = await Extract.ArticleAsync(html, "depot.html");

        Assert.Contains("bus depot opened", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_OrdinaryArticlesBesideHostileFiles_AreUnaffected()
    {
        var ordinary = HostileCorpus.Ordinary();
        var alone = new List<string>();
        foreach (var (name, content) in ordinary)
        {
            var result = await Extract.BytesAsync(content, name);
            Assert.True(result.Succeeded, $"{name}: {result.Error?.Message}");
            alone.Add(result.Article.ContentHash);
        }

        // The cheap hostile files (the slow ones are covered above) run concurrently with the ordinary ones, on one extractor.
        var hostile = HostileCorpus.All.Where(f => f.Name is not ("line-10mb.txt" or "huge-200mb-unknown-length.txt" or "zip-bomb.docx")).ToList();
        var hostileRuns = hostile.Select(f => Task.Run(() => RunAsync(f))).ToList();
        var ordinaryRuns = Enumerable.Range(0, 4 * ordinary.Count).Select(i => Task.Run(() => Extract.BytesAsync(ordinary[i % ordinary.Count].Content, ordinary[i % ordinary.Count].Name))).ToList();
        var hostileResults = await Task.WhenAll(hostileRuns).WaitAsync(HangGuard);
        var ordinaryResults = await Task.WhenAll(ordinaryRuns).WaitAsync(HangGuard);

        for (var i = 0; i < ordinaryResults.Length; i++)
        {
            Assert.True(ordinaryResults[i].Succeeded);
            Assert.Equal(alone[i % ordinary.Count], ordinaryResults[i].Article!.ContentHash);
        }

        for (var i = 0; i < hostile.Count; i++)
        {
            Assert.Equal(hostile[i].ExpectedCode, hostileResults[i].Error?.Code);
        }
    }

    [Fact]
    public void Corpus_IsGeneratedNotStored_AndHoldsEveryKindTheIssueNames()
    {
        string[] kinds = ["truncated.pdf", "encrypted.pdf", "zip-bomb.docx", "billion-laughs.docx", "huge-200mb.txt", "line-10mb.txt", "binary-junk.txt", "invalid-utf8.txt", "html-nested-100k.html", "json-nested-1m.json", "scripts-only.html"];

        Assert.All(kinds, kind => Assert.Contains(HostileCorpus.All, f => f.Name == kind));
        Assert.True(HostileCorpus.All.Single(f => f.Name == "huge-200mb.txt").IsStreamed);
        Assert.Equal(10_000_000, HostileCorpus.All.Single(f => f.Name == "line-10mb.txt").Length);
        Assert.StartsWith("[[[[", Encoding.ASCII.GetString(HostileCorpus.All.Single(f => f.Name == "json-nested-1m.json").Content!, 0, 8), StringComparison.Ordinal);
    }

    private static async Task<ExtractionResult> RunAsync(HostileFile file)
    {
        using var stream = file.Open();
        return await Extract.Extractor.ExtractAsync(stream, file.Name, file.DeclaredLength, CancellationToken.None).WaitAsync(HangGuard);
    }
}

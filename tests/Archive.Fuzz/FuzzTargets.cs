using System.Text;
using Archive.Core.Extraction;
using Archive.Core.Extraction.Html;
using Archive.Extraction.Tooling.Hostile;
using Archive.Core.Extraction.Pipeline;

namespace Archive.Fuzz;

/// <summary>An input that broke a promise of the extraction pipeline (the fuzzer treats it as a crash).</summary>
public sealed class FuzzFindingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// One fuzzed entry point: the name given to the extractor (its extension is the format hint), how fuzzer bytes
/// become the file (raw, or wrapped in a valid DOCX package), and the seeds mutations start from.
/// </summary>
public sealed record FuzzTarget(string Name, string Path, Func<byte[], byte[]> Wrap, Func<IReadOnlyList<byte[]>> Seeds, string[] Tokens)
{
    /// <summary>True for the target that calls <see cref="HtmlArticleReader.Read"/> itself rather than the pipeline.</summary>
    public bool HtmlReaderOnly { get; init; }
}

/// <summary>
/// The entry points fuzzed: the whole pipeline (<see cref="ArticleExtractor.Extract"/>: format detection, the reader,
/// enrichment) with each format's seeds and name, DOCX with the mutations inside a valid package (zip CRCs would
/// otherwise stop nearly every mutation at the container), and the public <see cref="HtmlArticleReader"/> alone (it
/// reports its own unexpected exceptions as <c>malformed</c> with the parser's message; the fuzzer counts each as a finding).
/// </summary>
public static class FuzzTargets
{
    // Built on first use, not in a static initializer: under AFL, instrumented code must not run before SharpFuzz
    // has attached its coverage map (it would throw a NullReferenceException).
    private static readonly Lazy<ArticleExtractor> SharedExtractor = new(() => new ArticleExtractor());

    private static readonly Lazy<HtmlArticleReader> SharedHtmlReader = new(() => new HtmlArticleReader());

    /// <summary>One extractor, as in production.</summary>
    public static ArticleExtractor Extractor => SharedExtractor.Value;

    private static HtmlArticleReader HtmlReader => SharedHtmlReader.Value;

    private static readonly string[] Codes = [ExtractionErrorCodes.Empty, ExtractionErrorCodes.Malformed, ExtractionErrorCodes.TooLarge, ExtractionErrorCodes.UnsupportedFormat];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("text", "article.txt", Raw, TextSeeds, ["\n", "\n\n", "By ", "Published: ", "2024-02-30", "http://", "Title: ", "\u00e9", "\r\n", "\t", "---", "# "]),
        new("html", "article.html", Raw, HtmlSeeds, ["<div>", "</div>", "<p>", "<script>", "</script>", "<!--", "-->", "<table>", "<svg>", "<math>", "<meta property=\"og:title\" content=\"", "<script type=\"application/ld+json\">", "&amp;", "&#x", "<time datetime=\"", "<![CDATA["]),
        new("markdown", "article.md", Raw, MarkdownSeeds, ["---\n", "\n---\n", "[", "](", "*", "_", "> ", "- ", "1. ", "    ", "```", "|", "&", "<div>", "![", "[[", "{", ": ", "&a ", "*a "]),
        new("json", "article.json", Raw, JsonSeeds, ["{", "}", "[", "]", "\"", ":", ",", "\"@graph\"", "\"author\"", "\"articleBody\"", "\\u", "null", "1e999", "\"datePublished\""]),
        new("pdf", "article.pdf", Raw, PdfSeeds, ["obj", "endobj", "stream", "endstream", "xref", "trailer", "/Length", "/Encrypt", "<<", ">>", "[", "]", "(", ")", "R", "/Filter /FlateDecode", "%%EOF", "startxref"]),
        new("docx", "article.docx", Raw, DocxSeeds, ["PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006", "word/document.xml"]),
        new("html-reader", "article.html", Raw, HtmlSeeds, ["<div>", "</div>", "<p>", "<time datetime=\"", "<meta name=\"date\" content=\"", "<span class=\"byline\">By ", "<script type=\"application/ld+json\">", "<h1>", "<title>", "&#"]) { HtmlReaderOnly = true },
        new("docx-xml", "article.docx", input => HostileCorpus.DocxPackage(input), DocxXmlSeeds, ["<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>", "<!DOCTYPE", "<!ENTITY", "&", "<w:tab/>", "<w:br/>", "<w:pStyle w:val=\"Title\"/>", "xmlns:"]),
    ];

    private static byte[] Raw(byte[] input) => input;

    /// <summary>The finding's words for a failure that only the pipeline's last-resort catch stopped.</summary>
    public const string LastResort = "only the last-resort catch stopped it";

    /// <summary>
    /// Runs one input through <paramref name="target"/>; throws <see cref="FuzzFindingException"/> when a promise is
    /// broken: an exception escapes, a failure has no known code or no message, an article has no body, or the
    /// failure came from the pipeline's last-resort catch (an exception no reader anticipated: a bug to fix, even
    /// though the process survived it).
    /// </summary>
    public static string Run(FuzzTarget target, byte[] input)
    {
        if (target.HtmlReaderOnly)
        {
            return RunHtmlReader(target, input);
        }

        var file = target.Wrap(input);
        ExtractionResult result;
        try
        {
            result = Extractor.Extract(file, target.Path);
        }
        catch (Exception ex)
        {
            throw new FuzzFindingException($"{target.Name}: Extract threw {ex.GetType().Name}: {ex.Message}", ex);
        }

        if (IsUnanticipated(result))
        {
            throw new FuzzFindingException($"{target.Name}: {LastResort}: {result.Error!.Message}");
        }

        if (result.Succeeded)
        {
            var article = result.Article;
            if (string.IsNullOrWhiteSpace(article.Body) || string.IsNullOrEmpty(article.ContentHash) || article.WordCount < 0)
            {
                throw new FuzzFindingException($"{target.Name}: an article without a body, hash or word count");
            }
        }
        else if (!Codes.Contains(result.Error.Code) || string.IsNullOrWhiteSpace(result.Error.Message))
        {
            throw new FuzzFindingException($"{target.Name}: a failure without a known code or a message: {result.Error.Code}");
        }

        return Outcome(result);
    }

    /// <summary>An outcome in a few words, also the fuzzer's coarse feedback: the format and warnings, or the code and message.</summary>
    public static string Outcome(ExtractionResult result) =>
        result.Succeeded
            ? "article:" + result.Article.Format + " " + string.Join('|', result.Article.Warnings.Select(Prefix).Order(StringComparer.Ordinal))
            : result.Error.Code + ": " + Prefix(result.Error.Message);

    private static string RunHtmlReader(FuzzTarget target, byte[] input)
    {
        RawArticle article;
        try
        {
            article = HtmlReader.Read(Encoding.UTF8.GetString(input), target.Path);
        }
        catch (ExtractionFailureException ex) when (ex.Message.StartsWith(HtmlArticleReader.ReadFailure, StringComparison.Ordinal))
        {
            throw new FuzzFindingException($"{target.Name}: {LastResort}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not ExtractionFailureException)
        {
            throw new FuzzFindingException($"{target.Name}: HtmlArticleReader.Read threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        catch (ExtractionFailureException ex)
        {
            return "html:" + ex.Code + " " + Prefix(ex.Message);
        }

        return "html:" + (article.Body.Length > 0 ? "body" : "no body") + " " + string.Join('|', article.Warnings.Select(Prefix).Order(StringComparer.Ordinal));
    }

    private static string Prefix(string text) => text.Length > 32 ? text[..32] : text;

    /// <summary>True when the pipeline's last-resort catch reported the failure (no check anticipated the input).</summary>
    public static bool IsUnanticipated(ExtractionResult result) =>
        !result.Succeeded && (result.Error.Message.StartsWith("The content could not be read (", StringComparison.Ordinal)
                              || result.Error.Message.StartsWith(HtmlArticleReader.ReadFailure, StringComparison.Ordinal));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Ordinary(string name) => HostileCorpus.Ordinary().Single(o => o.Name == name).Content;

    private static byte[][] Hostile(params string[] names) => [.. names.Select(n => HostileCorpus.All.Single(f => f.Name == n).Content!)];

    private static IReadOnlyList<byte[]> TextSeeds() =>
    [
        Ordinary("ordinary.txt"),
        Utf8("Title: Council votes on budget\nBy Maria Lopez and John Smith\nPublished: 12 March 2024\n\nThe city council voted on Tuesday to approve the budget.\n\nThe mayor said the plan would fund new schools. \u00a9 2024 The Daily Planet\nhttps://example.org/news/2024/03/12/budget"),
        Utf8("UPDATED 2023-11-05T14:30:00+01:00\n\nZ\u00fcrich \u2014 Die Stadt hat am Montag neue Regeln beschlossen.\n\nTags: Politik, Verkehr"),
    ];

    private static IReadOnlyList<byte[]> HtmlSeeds() =>
    [
        Ordinary("ordinary.html"),
        Utf8("""
            <!DOCTYPE html><html lang="en"><head><title>Bridge opens | The Daily</title>
            <meta property="og:site_name" content="The Daily"><meta name="author" content="Ana Silva"><meta property="article:published_time" content="2024-05-01T08:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge opens","author":[{"@type":"Person","name":"Ana Silva"}],"datePublished":"2024-05-01"}</script>
            <link rel="canonical" href="https://example.org/2024/05/01/bridge"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Bridge opens</h1><p class="byline">By <span>Ana Silva</span></p><time datetime="2024-05-01">May 1</time>
            <p>The new bridge opened on Wednesday after two years of work.</p><table><tr><td>Cost</td><td>12m</td></tr></table><blockquote>It is a great day.</blockquote></article>
            <footer>&copy; 2024</footer></body></html>
            """),
        Utf8("<div><div><span>Text <b>bold <i>italic</i></b></span></div><ul><li>one<li>two</ul><svg><g><text>drawn</text></g></svg></div>"),
    ];

    private static IReadOnlyList<byte[]> MarkdownSeeds() =>
    [
        Ordinary("ordinary.md"),
        Utf8("---\ntitle: \"Rail strike ends\"\nauthor: [Ana Silva, John Smith]\ndate: 2024-06-02\ntags:\n  - transport\n  - labour\n---\n\n# Rail strike ends\n\n*By Ana Silva*\n\nThe **rail strike** ended on [Sunday](https://example.org).\n\n> Trains run again.\n\n- one\n- two\n  1. nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n"),
    ];

    private static IReadOnlyList<byte[]> JsonSeeds() =>
    [
        Ordinary("ordinary.json"),
        Utf8("""{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle","headline":"Port expands","author":[{"name":"Ana Silva"},"John Smith"],"publisher":{"name":"The Daily"},"datePublished":"2024-07-03T10:00:00+02:00","keywords":"port, shipping","articleBody":"The port will add two berths by 2026, the authority said."}]}"""),
        Utf8("""{"article": {"title": "Wrapped", "body": "A record wrapped in an object, with tags.", "tags": ["a", "b"], "url": "https://example.org/a"}}"""),
    ];

    private static IReadOnlyList<byte[]> PdfSeeds() => [Ordinary("ordinary.pdf"), .. Hostile("truncated.pdf", "encrypted.pdf")];

    private static IReadOnlyList<byte[]> DocxSeeds() => [Ordinary("ordinary.docx"), .. Hostile("billion-laughs.docx")];

    private static IReadOnlyList<byte[]> DocxXmlSeeds() =>
    [
        Utf8("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Museum reopens</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">By Ana Silva</w:t><w:tab/><w:t>3 May 2024</w:t></w:r></w:p><w:p><w:r><w:t>The museum reopened on Friday after renovation.</w:t><w:br/><w:noBreakHyphen/></w:r></w:p></w:body></w:document>"),
    ];
}

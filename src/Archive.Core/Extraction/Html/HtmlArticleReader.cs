using Archive.Core.Extraction.Pipeline;
using AngleSharp.Html.Parser;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Reads a news article from an HTML page: headline, publication date, authors, site name, canonical URL, declared
/// language, description, keywords (JSON-LD, OpenGraph/article meta, Dublin Core, byline markup, text heuristics)
/// and the main content as clean plain text. Thread-safe and reusable; bad input it cannot read throws
/// <see cref="ExtractionFailureException"/> (<c>malformed</c>), never anything else.
/// </summary>
public sealed class HtmlArticleReader
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        IsNotConsumingCharacterReferences = false,
        IsKeepingSourceReferences = false,
    };

    /// <summary>How the message of a page the parser or the reader failed on begins.</summary>
    public const string ReadFailure = "The HTML could not be read";

    private readonly HtmlParserOptions parserOptions;

    /// <summary>Creates a reader with the product's parser options.</summary>
    public HtmlArticleReader()
        : this(ParserOptions)
    {
    }

    /// <summary>Creates a reader with other parser options (tests use AngleSharp's strict mode to make it fail).</summary>
    internal HtmlArticleReader(HtmlParserOptions parserOptions)
    {
        this.parserOptions = parserOptions;
    }

    /// <summary>
    /// Reads one page. An exception of the parser or the reader is a <see cref="ExtractionFailureException"/> with
    /// the code <c>malformed</c> and the parser's message: the page is not reported as empty. <paramref name="path"/> is only used as a fallback source of the date (a /YYYY/MM/DD/ path).</summary>
    public RawArticle Read(string html, string? path)
    {
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return new RawArticle { Body = string.Empty, Warnings = warnings };
        }

        try
        {
            return ReadCore(html, path, warnings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException and not ExtractionFailureException)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Malformed, $"{ReadFailure} ({ex.GetType().Name}: {ex.Message}).", ex);
        }
    }

    private RawArticle ReadCore(string html, string? path, List<string> warnings)
    {
        var limited = HtmlDepthLimiter.Limit(html);
        if (!ReferenceEquals(limited, html))
        {
            warnings.Add($"html: elements nested deeper than {HtmlDepthLimiter.MaxDepth} levels were flattened");
        }

        var parser = new HtmlParser(parserOptions);
        using var document = parser.ParseDocument(limited);
        var meta = new MetaTags(document);
        var jsonLd = JsonLdReader.Read(document.QuerySelectorAll("script[type='application/ld+json' i]").Select(s => s.TextContent));

        var siteName = FirstNonEmpty(meta.First("og:site_name"), jsonLd?.Publisher, meta.First("application-name", "publisher", "dc.publisher", "dcterms.publisher", "twitter:site"));
        if (siteName is not null && siteName.StartsWith('@'))
        {
            siteName = siteName[1..];
        }

        var title = TitleSelector.Select(document, meta, jsonLd, siteName);
        var url = FirstNonEmpty(
            document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            meta.First("og:url"),
            jsonLd?.Url);
        var (published, dateOnly) = DateSelector.Select(document, meta, jsonLd, url ?? path);
        var authors = AuthorSelector.Select(document, meta, jsonLd, siteName);
        var language = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang") ??
                       meta.First("content-language", "og:locale", "dc.language", "language") ?? jsonLd?.InLanguage;
        var summary = FirstNonEmpty(meta.First("description", "og:description", "twitter:description", "dc.description"), jsonLd?.Description);
        var keywords = CollectKeywords(meta, jsonLd);

        var visibleText = summary is { Length: >= 60 } ? document.Body?.TextContent : null;
        var body = BodyExtractor.Extract(document, parser, warnings);
        body = WithoutLeadingTitle(body, title);
        body = WithLead(body, summary, visibleText);
        return new RawArticle
        {
            Title = title,
            PublishedAt = published,
            PublishedAtPrecision = published is not null && dateOnly ? "date" : null,
            Authors = authors,
            SiteName = siteName is null ? null : TitleSelector.Clean(siteName),
            Url = url?.Trim(),
            DeclaredLanguage = NormalizeLanguage(language),
            Summary = summary is null ? null : TitleSelector.Clean(summary),
            Body = body,
            Keywords = keywords,
            Warnings = warnings,
        };
    }

    /// <summary>The headline is the title, not body text: a first paragraph that repeats it is dropped.</summary>
    private static string WithoutLeadingTitle(string body, string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return body;
        }

        var end = body.IndexOf("\n\n", StringComparison.Ordinal);
        var first = end < 0 ? body : body[..end];
        return string.Equals(Collapse(first), Collapse(title), StringComparison.OrdinalIgnoreCase) ? (end < 0 ? string.Empty : body[(end + 2)..]) : body;
    }

    /// <summary>
    /// Puts the standfirst (the description) in front of the body when the page shows it as text but the main-content
    /// block left it out (it often sits in the article header, outside the text container).
    /// </summary>
    private static string WithLead(string body, string? summary, string? visibleText)
    {
        if (summary is null || visibleText is null || body.Length == 0)
        {
            return body;
        }

        var lead = TitleSelector.Clean(summary);
        var probe = lead.Length > 60 ? lead[..60] : lead;
        if (lead.EndsWith("...", StringComparison.Ordinal) || lead.EndsWith('…') ||
            CollapsedContains(body, probe) || !CollapsedContains(visibleText, probe))
        {
            return body;
        }

        // A description that paraphrases the opening paragraph is not a separate standfirst.
        var opening = body.Length > 1500 ? body[..1500] : body;
        var openingWords = opening.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var leadWords = lead.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (leadWords.Count(openingWords.Contains) * 10 >= leadWords.Length * 6)
        {
            return body;
        }

        return lead + "\n\n" + body;
    }

    /// <summary>Whether <paramref name="text"/>, whitespace collapsed, contains <paramref name="probe"/>.</summary>
    private static bool CollapsedContains(string text, string probe) => Collapse(text).Contains(probe, StringComparison.Ordinal);

    /// <summary><paramref name="text"/> with its runs of whitespace collapsed to one space and trimmed.</summary>
    private static string Collapse(string text)
    {
        var collapsed = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = collapsed.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                collapsed.Append(' ');
                pendingSpace = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }

    private static List<string> CollectKeywords(MetaTags meta, JsonLdArticle? jsonLd)
    {
        var keywords = new List<string>();
        void Add(string value)
        {
            var clean = TitleSelector.Clean(value);
            if (clean.Length is > 1 and < 80 && !keywords.Contains(clean, StringComparer.OrdinalIgnoreCase))
            {
                keywords.Add(clean);
            }
        }

        foreach (var tag in meta.All("article:tag"))
        {
            Add(tag);
        }

        foreach (var keyword in jsonLd?.Keywords ?? [])
        {
            Add(keyword);
        }

        if (meta.First("keywords", "news_keywords") is { } list)
        {
            foreach (var keyword in list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(keyword);
            }
        }

        return keywords;
    }

    private static string? NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var primary = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    internal static string? FirstNonEmpty(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}

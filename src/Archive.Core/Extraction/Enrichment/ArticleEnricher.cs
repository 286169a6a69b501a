using System.Globalization;
using Archive.Core.Extraction.Pipeline;
using Archive.Core.Extraction.Text;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// Turns what a reader found (<see cref="RawArticle"/>) into the contract (<see cref="ExtractedArticle"/>): a clean
/// body, a derived title when the source has none, clean authors, the language, a summary, the word count, keywords,
/// entities and the content hash. It never invents a date: publishedAt is the reader's or nothing.
/// </summary>
internal sealed class ArticleEnricher(ExtractionOptions options, LanguageIdentifier languages, EnrichmentSteps? steps = null)
{
    private readonly EnrichmentSteps steps = steps ?? EnrichmentSteps.Default;

    public ExtractedArticle Enrich(RawArticle raw, string path, string format, List<string> warnings)
    {
        foreach (var warning in raw.Warnings)
        {
            if (!warnings.Contains(warning, StringComparer.Ordinal))
            {
                warnings.Add(warning);
            }
        }

        var title = CleanTitle(raw.Title);
        var body = TextLines.NormalizeBody(raw.Body);

        // The headline repeated as the first paragraph is not body.
        var firstBreak = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (title is not null && firstBreak > 0 && firstBreak < title.Length * 2 + 8 && Same(body[..firstBreak], title))
        {
            body = body[(firstBreak + 2)..];
        }

        if (body.Length == 0)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Empty, $"No article text was found in the {format} content.");
        }

        string? titleSource = null;
        if (title is null)
        {
            title = TextStatistics.DeriveTitle(body);
            titleSource = "derived";
        }

        var analyzed = body;
        if (body.Length > options.MaxAnalyzedChars)
        {
            var cut = body.LastIndexOf(' ', options.MaxAnalyzedChars);
            analyzed = body[..(cut > options.MaxAnalyzedChars / 2 ? cut : options.MaxAnalyzedChars)];
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The body has {body.Length:N0} characters; keywords and entities were taken from the first {analyzed.Length:N0}."));
        }

        // A derived title is the body's own first sentence: it is not read a second time. Each derived field is
        // computed on its own: a failure in one leaves that field empty with a warning naming it, never the article lost.
        var givenTitle = titleSource is null ? title : null;
        var language = Field<string>("language", warnings, () => steps.Language(this, givenTitle, analyzed)) ?? NormalizeLanguage(raw.DeclaredLanguage);
        ArticleWords? words = null;
        var keywords = Field("keywords", warnings, () => steps.Keywords(raw.Keywords, words ??= ArticleWords.Read(givenTitle, analyzed), language, options.MaxKeywords)) ?? [];
        var entities = Field("entities", warnings, () => steps.Entities(words ??= ArticleWords.Read(givenTitle, analyzed), language, options.MaxEntitiesPerKind)) ?? new Entities([], [], []);

        var authors = new List<string>();
        foreach (var author in raw.Authors)
        {
            if (AuthorNames.CleanOne(author) is { } name && !authors.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                authors.Add(name);
            }
        }

        var summary = Field<string>("summary", warnings, () => steps.Summary(raw.Summary, body));

        return new ExtractedArticle
        {
            Path = path,
            Format = format,
            Title = title,
            TitleSource = titleSource,
            PublishedAt = raw.PublishedAt,
            PublishedAtPrecision = raw.PublishedAt is null ? null : raw.PublishedAtPrecision,
            Authors = authors,
            SiteName = string.IsNullOrWhiteSpace(raw.SiteName) ? null : HtmlFragments.DecodeInline(raw.SiteName),
            Url = string.IsNullOrWhiteSpace(raw.Url) ? null : raw.Url.Trim(),
            Language = language,
            Summary = summary,
            Body = body,
            WordCount = TextStatistics.CountWords(body),
            Keywords = keywords,
            People = entities.People,
            Places = entities.Places,
            Organizations = entities.Organizations,
            ContentHash = ContentHash.Compute(body),
            Warnings = warnings,
        };
    }

    /// <summary>The summary the source gives (decoded), else the lead of the body.</summary>
    internal static string? Summarize(string? declared, string body)
    {
        var summary = string.IsNullOrWhiteSpace(declared) ? null : HtmlFragments.DecodeInline(declared);
        return string.IsNullOrEmpty(summary) ? TextStatistics.Lead(body) : summary;
    }

    /// <summary>
    /// Runs one derived field's step. An exception there (a bug met by unusual input) costs that field only: it is
    /// left empty and a warning names the field and what went wrong.
    /// </summary>
    private static T? Field<T>(string name, List<string> warnings, Func<T?> compute)
        where T : class
    {
        try
        {
            return compute();
        }
#pragma warning disable CA1031 // A failure in one derived field must not lose the article.
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
#pragma warning restore CA1031
        {
            warnings.Add($"{name}: could not be computed ({ex.GetType().Name}: {ex.Message}); the field is left empty.");
            return null;
        }
    }

    /// <summary>
    /// The language of the headline and the body read as one text ("headline\n\nbody"). The detector reads at most
    /// LanguageSampleChars (cut at a space at or before that index), so the headline and that much of the body (plus
    /// one character) decide exactly as the whole text would.
    /// </summary>
    internal string? DetectLanguage(string? title, string body)
    {
        if (title is null)
        {
            return languages.Detect(body, options.LanguageSampleChars);
        }

        var bodyPart = body.AsSpan(0, Math.Min(body.Length, options.LanguageSampleChars + 1));
        return languages.Detect(string.Concat(title, "\n\n", bodyPart), options.LanguageSampleChars);
    }

    private static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var clean = HtmlFragments.DecodeInline(title);
        return clean.Length == 0 ? null : clean;
    }

    private static bool Same(string a, string b) =>
        string.Equals(ContentHash.Normalize(a).TrimEnd('.'), ContentHash.Normalize(b).TrimEnd('.'), StringComparison.Ordinal);

    /// <summary>"en-US" → "en"; a few language names → their codes; anything else → null.</summary>
    internal static string? NormalizeLanguage(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var value = declared.Trim().ToLowerInvariant();
        value = value switch
        {
            "english" => "en",
            "french" or "français" or "francais" => "fr",
            "german" or "deutsch" => "de",
            "spanish" or "español" or "espanol" => "es",
            "portuguese" or "português" => "pt",
            "italian" or "italiano" => "it",
            "russian" or "русский" => "ru",
            "dutch" or "nederlands" => "nl",
            _ => value,
        };

        var primary = value.Split('-', '_')[0];
        return primary.Length == 2 && primary.All(c => c is >= 'a' and <= 'z') ? primary : null;
    }
}

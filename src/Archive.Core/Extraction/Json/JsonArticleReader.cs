using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Core.Extraction.Pipeline;
using Archive.Core.Extraction.Text;

namespace Archive.Core.Extraction.Json;

/// <summary>
/// Reads one article per JSON file: schema.org NewsArticle keys and their common synonyms, in any letter case and
/// with or without underscores (headline/title; datePublished/date/published_at; author as a string, an object or
/// an array; publisher/source as a string or an object with a name; articleBody/body/content/text; url; keywords;
/// description). A JSON-LD <c>@graph</c> or a single wrapper object ({"article": {...}}) is looked into.
/// </summary>
internal static class JsonArticleReader
{
    /// <summary>The deepest nesting parsed; deeper input is a <see cref="JsonException"/> (no recursion risk).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
    };

    private static readonly string[] TitleKeys = ["headline", "title", "articletitle", "heading", "name"];
    private static readonly string[] DateKeys = ["datepublished", "publishedat", "published", "publishdate", "publicationdate", "pubdate", "date", "firstpublished", "datecreated", "createdat", "created", "releasedate"];
    private static readonly string[] UpdatedKeys = ["datemodified", "updatedat", "updated", "modified", "lastmodified"];
    private static readonly string[] AuthorKeys = ["author", "authors", "byline", "creator", "creators", "writer", "writers", "by"];
    private static readonly string[] SiteKeys = ["publisher", "source", "sitename", "site", "publication", "outlet", "provider", "newspaper", "ispartof", "sourceorganization"];
    private static readonly string[] BodyKeys = ["articlebody", "body", "content", "text", "fulltext", "story", "contenttext", "plaintext", "bodytext", "article"];
    private static readonly string[] UrlKeys = ["url", "link", "canonicalurl", "canonical", "permalink", "sourceurl", "originalurl", "mainentityofpage", "@id"];
    private static readonly string[] KeywordKeys = ["keywords", "tags", "topics", "subjects", "categories"];
    private static readonly string[] SummaryKeys = ["description", "summary", "abstract", "excerpt", "lead", "dek", "standfirst", "subtitle", "subheadline"];
    private static readonly string[] LanguageKeys = ["inlanguage", "language", "lang", "locale"];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
    };

    /// <summary>Reads <paramref name="text"/>; throws <see cref="JsonException"/> when it is not JSON at all.</summary>
    public static RawArticle Read(string text, List<string> warnings)
    {
        using var document = JsonDocument.Parse(text, DocumentOptions);
        var record = FindRecord(document.RootElement);
        var fields = Index(record);

        var bodyValue = First(fields, BodyKeys);
        var body = bodyValue is { } b ? BodyText(b) : string.Empty;
        if (body.Length == 0)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.Empty, "The JSON record has no article body (articleBody, body, content or text).");
        }

        var title = First(fields, TitleKeys) is { } t ? InlineString(t) : null;
        var published = DateOf(First(fields, DateKeys));
        var isUpdate = false;
        if (published is null && DateOf(First(fields, UpdatedKeys)) is { } updated)
        {
            published = updated;
            isUpdate = true;
        }

        TextLayout.DateWarnings(published, isUpdate, warnings);

        var authors = new List<string>();
        if (First(fields, AuthorKeys) is { } authorValue)
        {
            foreach (var name in Names(authorValue))
            {
                AuthorNames.AddTo(authors, name);
            }
        }

        var site = First(fields, SiteKeys) is { } siteValue ? Names(siteValue).FirstOrDefault() : null;
        var url = First(fields, UrlKeys) is { } urlValue ? UrlOf(urlValue) : null;
        var summary = First(fields, SummaryKeys) is { } summaryValue ? InlineString(summaryValue) : null;
        var language = First(fields, LanguageKeys) is { } languageValue ? InlineString(languageValue) : null;

        var keywords = new List<string>();
        if (First(fields, KeywordKeys) is { } keywordValue)
        {
            foreach (var keyword in Strings(keywordValue))
            {
                foreach (var part in keyword.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (part.Length <= 80 && !keywords.Contains(part, StringComparer.OrdinalIgnoreCase))
                    {
                        keywords.Add(part);
                    }
                }
            }
        }

        return new RawArticle
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            PublishedAt = published?.Value,
            PublishedAtPrecision = published?.Precision,
            Authors = authors,
            SiteName = string.IsNullOrWhiteSpace(site) ? null : HtmlFragments.DecodeInline(site),
            Url = url,
            DeclaredLanguage = language,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary,
            Body = body,
            Keywords = keywords,
            Warnings = warnings,
        };
    }

    private static JsonElement FindRecord(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var count = root.GetArrayLength();
            if (count != 1 || root[0].ValueKind != JsonValueKind.Object)
            {
                throw new ExtractionFailureException(
                    ExtractionErrorCodes.UnsupportedFormat,
                    string.Create(CultureInfo.InvariantCulture, $"The JSON file holds an array of {count:N0} values; one article object per file is expected."));
            }

            root = root[0];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ExtractionFailureException(ExtractionErrorCodes.UnsupportedFormat, "The JSON file does not hold an article object.");
        }

        // JSON-LD: the article node of a @graph.
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name == "@graph" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var node in property.Value.EnumerateArray())
                {
                    if (node.ValueKind == JsonValueKind.Object && IsArticleType(node))
                    {
                        return node;
                    }
                }
            }
        }

        // A wrapper such as {"article": {...}} or {"data": {...}}: descend while the record itself has no body.
        for (var depth = 0; depth < 3 && First(Index(root), BodyKeys) is not { ValueKind: JsonValueKind.String or JsonValueKind.Array } ; depth++)
        {
            JsonElement? inner = null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && First(Index(property.Value), BodyKeys) is not null)
                {
                    inner = property.Value;
                    break;
                }
            }

            if (inner is null)
            {
                break;
            }

            root = inner.Value;
        }

        return root;
    }

    private static bool IsArticleType(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    /// <summary>The record's properties by normalized key (lowercase, no "_" or "-"); the first occurrence wins.</summary>
    private static Dictionary<string, JsonElement> Index(JsonElement record)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
        {
            var key = NormalizeKey(property.Name);
            fields.TryAdd(key, property.Value);
        }

        return fields;
    }

    private static string NormalizeKey(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or ' '))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static JsonElement? First(Dictionary<string, JsonElement> fields, string[] keys)
    {
        foreach (var key in keys)
        {
            if (fields.TryGetValue(key, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
                {
                    continue;
                }

                return value;
            }
        }

        return null;
    }

    private static string BodyText(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return HtmlFragments.LooksLikeHtml(text) ? HtmlFragments.ToText(text) : TextLines.NormalizeBody(text);
            case JsonValueKind.Array:
                // Paragraphs as an array of strings (or of objects with text).
                var paragraphs = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    var part = BodyText(item);
                    if (part.Length > 0)
                    {
                        paragraphs.Add(part);
                    }
                }

                return string.Join("\n\n", paragraphs);
            case JsonValueKind.Object:
                var inner = Index(value);
                return First(inner, ["text", "value", "plain", "html", "body", "content", "@value"]) is { } nested ? BodyText(nested) : string.Empty;
            default:
                return string.Empty;
        }
    }

    private static string? InlineString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => HtmlFragments.DecodeInline(value.GetString()!) is { Length: > 0 } s ? s : null,
        JsonValueKind.Array => value.EnumerateArray().Select(InlineString).FirstOrDefault(s => s is not null),
        JsonValueKind.Object => First(Index(value), ["name", "@value", "value", "text", "title"]) is { } nested ? InlineString(nested) : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>Names from a string, an object with a name (or given and family names), or an array of either.</summary>
    private static IEnumerable<string> Names(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                yield return value.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray().Take(50))
                {
                    foreach (var name in Names(item))
                    {
                        yield return name;
                    }
                }

                break;
            case JsonValueKind.Object:
                var fields = Index(value);
                if (First(fields, ["name", "fullname", "displayname", "@value"]) is { ValueKind: JsonValueKind.String } full)
                {
                    yield return full.GetString()!;
                }
                else if (First(fields, ["givenname", "firstname"]) is { ValueKind: JsonValueKind.String } given
                    && First(fields, ["familyname", "lastname", "surname"]) is { ValueKind: JsonValueKind.String } family)
                {
                    yield return given.GetString() + " " + family.GetString();
                }

                break;
        }
    }

    private static IEnumerable<string> Strings(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                yield return value.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray().Take(100))
                {
                    if (InlineString(item) is { } s)
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Object:
                if (InlineString(value) is { } named)
                {
                    yield return named;
                }

                break;
        }
    }

    private static ParsedDate? DateOf(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var epoch))
        {
            // Unix seconds or milliseconds between 1990 and 2100.
            var seconds = epoch > 100_000_000_000 ? epoch / 1000 : epoch;
            if (seconds is > 631_152_000 and < 4_102_444_800)
            {
                return new ParsedDate(DateTimeOffset.FromUnixTimeSeconds(seconds), null, false);
            }

            return null;
        }

        return DateParser.ParseValue(InlineString(value));
    }

    private static string? UrlOf(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.Object
            ? First(Index(value), ["@id", "url", "href"]) is { } inner ? InlineString(inner) : null
            : InlineString(value);
        return text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? text
            : null;
    }
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Text;

/// <summary>What the layout analysis of an article's text finds: header fields, body paragraphs, footer facts.</summary>
internal sealed class TextLayout
{
    public string? Title { get; set; }

    public List<string> Authors { get; } = [];

    public string? SiteName { get; set; }

    public ParsedDate? Published { get; set; }

    public bool PublishedIsUpdate { get; set; }

    public string? Url { get; set; }

    public string? Summary { get; set; }

    public List<string> Keywords { get; } = [];

    public string? Language { get; set; }

    /// <summary>The body: paragraphs collapsed and separated by a blank line.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>How many paragraphs the body was read from (some may have held nothing visible).</summary>
    public int ParagraphCount { get; set; }

    /// <summary>The article as a reader returns it; warns when a time had no offset or the date is an update date.</summary>
    public RawArticle ToRaw(List<string> warnings)
    {
        DateWarnings(Published, PublishedIsUpdate, warnings);
        return new RawArticle
        {
            Title = Title,
            PublishedAt = Published?.Value,
            PublishedAtPrecision = Published?.Precision,
            Authors = Authors,
            SiteName = SiteName,
            Url = Url,
            DeclaredLanguage = Language,
            Summary = Summary,
            Body = Body,
            Keywords = Keywords,
            Warnings = warnings,
        };
    }

    public static void DateWarnings(ParsedDate? published, bool isUpdate, List<string> warnings)
    {
        if (published is { AssumedUtc: true })
        {
            warnings.Add("publishedAt: the source gives a time without a time zone; UTC was assumed.");
        }

        if (isUpdate)
        {
            warnings.Add("publishedAt: the source gives only an update date; it was used as the publication date.");
        }
    }
}

/// <summary>
/// Reads plain-text article exports. It recognizes families of layouts rather than any one site: header blocks of
/// labelled fields ("Title:", "Author:", "Source:", "Date:", "URL:" and their French, German, Spanish, Portuguese,
/// Italian and Russian forms), loose date lines in many languages, bylines ("By NAME | SITE", "NAME Read more"),
/// a headline line before the byline, and footers (separators, "Follow us on Twitter @Handle", copyright and
/// "originally published" lines, tags, share bars). Everything between header and footer is the body.
/// </summary>
internal static partial class PlainTextReader
{
    private const int MaxHeaderLines = 24;
    private const int MaxFooterLines = 14;

    private enum Field
    {
        Title,
        Author,
        Site,
        Date,
        Updated,
        Url,
        Summary,
        Keywords,
        Language,
    }

    private static readonly FrozenDictionary<string, Field> FieldNames = BuildFieldNames();

    private static readonly FrozenSet<string> DateLineWords = FrozenSet.ToFrozenSet(
        [
            "date", "dated", "published", "publish", "posted", "updated", "last", "modified", "on", "at", "am", "um", "le", "à", "a", "las",
            "el", "de", "the", "publication", "publié", "publiée", "mis", "jour", "veröffentlicht", "aktualisiert", "zuletzt", "stand",
            "publicado", "publicada", "actualizado", "actualización", "publicação", "atualizado", "pubblicato", "aggiornato", "опубликовано",
            "обновлено", "дата", "time", "datum", "fecha", "data", "heure", "hora", "uhr", "in", "et", "und", "y", "e", "and", "|",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
            "samstag", "sonntag", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "segunda-feira", "terça-feira",
            "quarta-feira", "quinta-feira", "sexta-feira", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
            "utc", "gmt", "local", "time", "г", "года", "год", "of",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads one plain-text article.</summary>
    public static RawArticle Read(string text, ExtractionOptions options, List<string> warnings)
    {
        var lines = TextLines.Split(text, options.MaxLineLength, warnings);
        return Analyze(lines).ToRaw(warnings);
    }

    /// <summary>The layout analysis on its own, for readers whose text comes from PDF or DOCX.</summary>
    /// <param name="lines">The text's lines.</param>
    /// <param name="allowTitle">False when the caller already has the headline (metadata, a heading style).</param>
    /// <param name="knownTitle">The headline the caller has, if any: a header line repeating it is skipped.</param>
    public static TextLayout Analyze(List<TextLine> lines, bool allowTitle = true, string? knownTitle = null)
    {
        var layout = new TextLayout();
        var bodyStart = ReadHeader(lines, layout, allowTitle, knownTitle);
        var footerStart = ReadFooter(lines, bodyStart, layout);
        ReadBody(lines, bodyStart, footerStart, layout);

        // Nothing but a header: the headline is all the text there is.
        if (layout.ParagraphCount == 0 && layout.Title is not null && allowTitle)
        {
            layout.Body = TextLines.JoinParagraphs([layout.Title]);
            layout.ParagraphCount = 1;
            layout.Title = null;
        }

        return layout;
    }

    private static int ReadHeader(List<TextLine> lines, TextLayout layout, bool allowTitle, string? knownTitle)
    {
        var sawByline = false;
        var sawDate = false;
        ParsedDate? updated = null;
        var nonBlank = 0;
        var i = 0;
        for (; i < lines.Count; i++)
        {
            var line = lines[i].TrimmedText();
            if (line.Length == 0)
            {
                continue;
            }

            if (++nonBlank > MaxHeaderLines || line.Length > 400)
            {
                break;
            }

            if (knownTitle is not null && string.Equals(TextLines.Collapse(StripHeadingMarks(line)), TextLines.Collapse(knownTitle), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (TryField(line, out var field, out var value))
            {
                ApplyField(layout, field, value, ref updated);
                sawDate |= field is Field.Date or Field.Updated;
                sawByline |= field == Field.Author;
                continue;
            }

            if (TextLines.IsSeparator(line))
            {
                continue;
            }

            if (TryDateLine(line, out var date, out var isUpdate))
            {
                if (isUpdate)
                {
                    updated ??= date;
                }
                else
                {
                    layout.Published ??= date;
                }

                sawDate = true;
                continue;
            }

            if (TryByline(line, layout))
            {
                sawByline = true;
                continue;
            }

            if (UrlLine().IsMatch(line))
            {
                layout.Url ??= line;
                continue;
            }

            if (allowTitle && layout.Title is null && !sawByline && IsTitleLike(line) && TitleFits(lines, i))
            {
                layout.Title = StripHeadingMarks(line);
                continue;
            }

            if (layout.Authors.Count == 0 && !sawByline && (layout.Title is not null || sawDate) && AuthorNames.LooksLikeBareName(line)
                && NextNonBlank(lines, i) is { } next && next.Length > line.Length)
            {
                AuthorNames.AddTo(layout.Authors, line);
                sawByline = layout.Authors.Count > 0;
                if (sawByline)
                {
                    continue;
                }
            }

            break;
        }

        if (layout.Published is null && updated is not null)
        {
            layout.Published = updated;
            layout.PublishedIsUpdate = true;
        }

        return i;
    }

    private static int ReadFooter(List<TextLine> lines, int bodyStart, TextLayout layout)
    {
        var end = lines.Count;
        while (end > bodyStart && lines[end - 1].IsBlank)
        {
            end--;
        }

        // A separator near the end with only short lines after it: everything from it on is footer.
        var footerStart = end;
        var seen = 0;
        for (var j = end - 1; j > bodyStart && seen < MaxFooterLines; j--)
        {
            var line = lines[j].Span.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            seen++;
            if (TextLines.IsSeparator(line))
            {
                footerStart = j;
                break;
            }

            if (TextLines.CountWords(line, 26) > 25)
            {
                break;
            }
        }

        // Then recognizable footer lines just above: follow/share bars, copyright, origin, tags, related links.
        for (var j = footerStart - 1; j > bodyStart; j--)
        {
            var line = lines[j].Span.Trim();
            if (line.Length == 0 || TextLines.IsSeparator(line) || IsFooterLine(line))
            {
                footerStart = j;
                continue;
            }

            break;
        }

        for (var j = footerStart; j < end; j++)
        {
            ReadFooterFacts(lines[j].TrimmedText(), layout);
        }

        return footerStart;
    }

    /// <summary>
    /// The body lines between header and footer, joined into paragraphs (at blank lines, or at every line when the text
    /// has none; boilerplate and separator lines end a paragraph and are dropped), written straight into the body.
    /// </summary>
    private static void ReadBody(List<TextLine> lines, int bodyStart, int footerStart, TextLayout layout)
    {
        var hasBlankLines = false;
        var capacity = 0;
        for (var j = bodyStart; j < footerStart; j++)
        {
            hasBlankLines |= lines[j].IsBlank;
            capacity += lines[j].Length + 2;
        }

        var body = new BodyWriter(capacity);
        for (var j = bodyStart; j < footerStart; j++)
        {
            var line = lines[j].Span.Trim();
            if (line.IsEmpty || IsBoilerplateLine(line) || TextLines.IsSeparator(line))
            {
                body.EndParagraph();
                continue;
            }

            if (!hasBlankLines || TextLines.IsListItem(line))
            {
                body.EndParagraph();
            }

            body.AppendLine(line);
        }

        body.EndParagraph();
        layout.Body = body.ToString();
        layout.ParagraphCount = body.Paragraphs;
    }

    private static bool TryField(string line, out Field field, out string value)
    {
        field = default;
        value = string.Empty;
        var match = FieldLine().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var key = WhiteSpace().Replace(match.Groups["key"].Value.Trim().ToLowerInvariant(), " ");
        if (!FieldNames.TryGetValue(key, out field))
        {
            return false;
        }

        value = match.Groups["value"].Value.Trim();
        return value.Length > 0;
    }

    private static void ApplyField(TextLayout layout, Field field, string value, ref ParsedDate? updated)
    {
        switch (field)
        {
            case Field.Title:
                layout.Title ??= value;
                break;
            case Field.Author:
                AuthorNames.AddTo(layout.Authors, value);
                break;
            case Field.Site:
                var url = UrlInText().Match(value);
                if (url.Success)
                {
                    layout.Url ??= url.Value.TrimEnd(')', ']', '.', ',');
                    value = UrlInText().Replace(value, string.Empty).Trim(' ', '(', ')', '[', ']', '-', '|', ',');
                }

                if (value.Length > 0)
                {
                    layout.SiteName ??= value;
                }

                break;
            case Field.Date:
                layout.Published ??= DateParser.ParseValue(value);
                break;
            case Field.Updated:
                updated ??= DateParser.ParseValue(value);
                break;
            case Field.Url:
                var link = UrlInText().Match(value);
                layout.Url ??= link.Success ? link.Value.TrimEnd(')', ']', '.', ',') : value;
                break;
            case Field.Summary:
                layout.Summary ??= value;
                break;
            case Field.Keywords:
                AddKeywords(layout.Keywords, value);
                break;
            case Field.Language:
                layout.Language ??= value;
                break;
        }
    }

    private static void AddKeywords(List<string> keywords, string value)
    {
        foreach (var part in value.Split([',', ';', '|', '#'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Length is > 1 and <= 60 && !keywords.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                keywords.Add(part);
            }
        }
    }

    /// <summary>A line that is a date and little else: labels, weekday names, a time and a zone may stand with it.</summary>
    internal static bool TryDateLine(string line, out ParsedDate date, out bool isUpdate)
    {
        date = default;
        isUpdate = false;
        if (line.Length > 160)
        {
            return false;
        }

        var dates = DateParser.FindAll(line);
        if (dates.Count == 0 || DateParser.ToParsed(dates[0]) is not { } parsed)
        {
            return false;
        }

        // What is left once dates, times, zones and label words are removed must be (almost) nothing.
        var rest = line.ToCharArray();
        foreach (var d in dates)
        {
            for (var k = d.Start; k < Math.Min(d.SpanEnd, rest.Length); k++)
            {
                rest[k] = ' ';
            }
        }

        var leftover = 0;
        foreach (Match word in Word().Matches(new string(rest)))
        {
            if (!DateLineWords.Contains(word.Value))
            {
                leftover++;
            }
        }

        if (leftover > 2)
        {
            return false;
        }

        var update = UpdateLabel().Match(line);
        var publish = PublishLabel().Match(line);
        isUpdate = update.Success && update.Index < dates[0].Start && !(publish.Success && publish.Index < update.Index);
        date = parsed;
        return true;
    }

    private static bool TryByline(string line, TextLayout layout)
    {
        if (line.Length > 200)
        {
            return false;
        }

        var prefixed = BylinePrefix().Match(line);
        if (prefixed.Success)
        {
            var rest = prefixed.Groups["rest"].Value;

            // "Posted by Jane Doe on March 3, 2021": the date belongs to the header, the name before it.
            var dates = DateParser.FindAll(rest);
            if (dates.Count > 0)
            {
                if (layout.Published is null && DateParser.ToParsed(dates[0]) is { } parsed)
                {
                    layout.Published = parsed;
                }

                rest = TrailingConnector().Replace(rest[..dates[0].Start], string.Empty);
            }

            var site = SiteAfterName(rest);
            var names = AuthorNames.Parse(rest);
            if (names.Count == 0)
            {
                return false;
            }

            foreach (var name in names)
            {
                if (!layout.Authors.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    layout.Authors.Add(name);
                }
            }

            if (site is not null)
            {
                layout.SiteName ??= site;
            }

            return true;
        }

        var tailed = BylineTail().Match(line);
        if (tailed.Success && AuthorNames.LooksLikeBareName(tailed.Groups["name"].Value))
        {
            AuthorNames.AddTo(layout.Authors, tailed.Groups["name"].Value);
            return layout.Authors.Count > 0;
        }

        return false;
    }

    /// <summary>"Jane Doe | The Daily Planet", "Jane Doe - Planet News", "Jane Doe, Associated Press" → the site part.</summary>
    private static string? SiteAfterName(string rest)
    {
        var match = SiteSeparator().Match(rest);
        if (!match.Success || match.Index == 0)
        {
            return null;
        }

        var site = rest[(match.Index + match.Length)..].Trim(' ', '|', '-', '–', '—', ',', '.');
        if (site.Length is < 2 or > 60 || site.Any(char.IsDigit) || TextLines.CountWords(site, 7) > 6)
        {
            return null;
        }

        // After a comma stands a role ("Jane Doe, Staff Writer") or another name as often as a site.
        if (match.Value.Contains(',', StringComparison.Ordinal)
            && (!char.IsUpper(site[0]) || PersonalRole().IsMatch(site) || AuthorNames.Parse(site).Count > 0 || site.Contains(" and ", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return site;
    }

    private static bool IsTitleLike(string line)
    {
        var text = StripHeadingMarks(line);
        if (text.Length is < 3 or > 250 || TextLines.IsListItem(line))
        {
            return false;
        }

        var words = TextLines.CountWords(text);
        if (words > 30 || !text.Any(char.IsLetter))
        {
            return false;
        }

        // Sentences end with a period, colon, semicolon or comma; headlines usually do not.
        var last = text[^1];
        return last is not ('.' or ',' or ';' or ':') || text.EndsWith("...", StringComparison.Ordinal);
    }

    /// <summary>A title stands alone: a blank line or a header line follows it, or it is short and the next line a new one.</summary>
    private static bool TitleFits(List<TextLine> lines, int index)
    {
        if (!HasBody(lines, index + 1))
        {
            return false;
        }

        if (index + 1 >= lines.Count)
        {
            return false;
        }

        var next = lines[index + 1].TrimmedText();
        if (next.Length == 0 || TextLines.IsSeparator(next))
        {
            return true;
        }

        if (TryField(next, out _, out _) || BylinePrefix().IsMatch(next) || BylineTail().IsMatch(next) || TryDateLine(next, out _, out _))
        {
            return true;
        }

        return lines[index].Span.Trim().Length < 50 && !char.IsLower(next[0]);
    }

    private static bool HasBody(List<TextLine> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            var line = lines[j].Span.Trim();
            if (line.Length > 0 && !TextLines.IsSeparator(line))
            {
                return true;
            }
        }

        return false;
    }

    private static string? NextNonBlank(List<TextLine> lines, int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            var line = lines[j].TrimmedText();
            if (line.Length > 0)
            {
                return line;
            }
        }

        return null;
    }

    private static string StripHeadingMarks(string line) => HeadingMarks().Replace(line, string.Empty).Trim();

    private static bool IsFooterLine(ReadOnlySpan<char> line)
    {
        if (TextLines.CountWords(line, 31) > 30)
        {
            return false;
        }

        return FollowLine().IsMatch(line)
            || (Handle().IsMatch(line) && TextLines.CountWords(line, 13) <= 12)
            || ShareLine().IsMatch(line)
            || CopyrightLine().IsMatch(line)
            || OriginLine().IsMatch(line)
            || TagsLine().IsMatch(line)
            || RelatedLine().IsMatch(line)
            || ContactLine().IsMatch(line);
    }

    /// <remarks>The anchored patterns fail at the first characters of almost every line; words are counted only for a match.</remarks>
    private static bool IsBoilerplateLine(ReadOnlySpan<char> line) =>
        (AdvertLine().IsMatch(line) || ShareLine().IsMatch(line) || RelatedLine().IsMatch(line)) && TextLines.CountWords(line, 21) <= 20;

    private static void ReadFooterFacts(string line, TextLayout layout)
    {
        if (line.Length == 0)
        {
            return;
        }

        var tags = TagsLine().Match(line);
        if (tags.Success)
        {
            AddKeywords(layout.Keywords, line[(tags.Index + tags.Length)..]);
            return;
        }

        var origin = OriginLine().Match(line);
        if (origin.Success)
        {
            var url = UrlInText().Match(line);
            if (url.Success)
            {
                layout.Url ??= url.Value.TrimEnd(')', ']', '.', ',');
            }

            var name = UrlInText().Replace(line[(origin.Index + origin.Length)..], string.Empty).Trim(' ', '.', ',', ':', '(', ')', '|', '-');
            if (name.Length is > 1 and <= 60 && TextLines.CountWords(name, 7) <= 6)
            {
                layout.SiteName ??= name;
            }

            return;
        }

        var copyright = CopyrightOwner().Match(line);
        if (copyright.Success)
        {
            var owner = copyright.Groups["owner"].Value.Trim(' ', '.', ',');
            if (owner.Length > 1 && TextLines.CountWords(owner, 7) <= 6)
            {
                layout.SiteName ??= owner;
            }

            return;
        }

        var handle = Handle().Match(line);
        if (handle.Success && layout.SiteName is null)
        {
            layout.SiteName = SiteFromHandle(handle.Groups["name"].Value);
        }
    }

    /// <summary>
    /// The publisher's name in a social handle: publishers often end a handle with the country or language they serve
    /// ("DailyNewsUk" → "DailyNews", "Radio_fr" → "Radio"). A last segment of two letters is dropped when it is an
    /// ISO 3166 country code or an ISO 639-1 language code (from .NET's culture data) and at least two segments stay.
    /// </summary>
    internal static string SiteFromHandle(string handle)
    {
        var segments = CamelSegments().Matches(handle).Select(m => m.Value).ToList();
        if (segments.Count >= 3 && segments[^1].Length == 2 && char.IsLetter(segments[^1][0]) && RegionOrLanguageCodes.Contains(segments[^1]))
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return string.Concat(segments).Trim('_');
    }

    /// <summary>Two-letter ISO 3166 region codes and ISO 639-1 language codes of the cultures .NET knows (CLDR data through ICU).</summary>
    private static readonly FrozenSet<string> RegionOrLanguageCodes = System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.AllCultures)
        .SelectMany(culture => new[] { culture.TwoLetterISOLanguageName, culture.Name.Length >= 5 && culture.Name[^3] == '-' ? culture.Name[^2..] : string.Empty })
        .Where(code => code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenDictionary<string, Field> BuildFieldNames()
    {
        var map = new Dictionary<string, Field>(StringComparer.Ordinal);
        void Add(Field field, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = field;
            }
        }

        Add(Field.Title, "title", "headline", "head", "titre", "titel", "überschrift", "schlagzeile", "título", "titulo", "titolo", "titular", "заголовок", "название", "subject", "sujet", "betreff", "asunto", "tytuł", "başlık");
        Add(Field.Author, "author", "authors", "author(s)", "by", "byline", "writer", "written by", "reporter", "auteur", "auteurs", "autor", "autoren", "autorin", "autores", "autora", "autore", "autori", "auteur(s)", "автор", "авторы", "yazar", "door", "von", "par", "por");
        Add(Field.Site, "source", "publisher", "site", "site name", "sitename", "publication", "outlet", "newspaper", "media", "medium", "agency", "source name", "quelle", "herausgeber", "verlag", "medium", "fuente", "medio", "editorial", "fonte", "veículo", "источник", "издание", "kaynak", "éditeur", "journal", "publication name");
        Add(Field.Date, "date", "published", "published at", "published on", "publication date", "date published", "pubdate", "pub date", "posted", "posted on", "release date", "datum", "veröffentlicht", "veröffentlicht am", "erschienen", "erschienen am", "publikationsdatum", "fecha", "fecha de publicación", "publicado", "publicado el", "publicado em", "data", "data de publicação", "data di pubblicazione", "pubblicato", "publié", "publié le", "date de publication", "дата", "дата публикации", "опубликовано", "tarih", "tarix", "created", "date created");
        Add(Field.Updated, "updated", "last updated", "modified", "last modified", "date modified", "mis à jour", "mis à jour le", "aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "actualizado", "atualizado", "aggiornato", "обновлено");
        Add(Field.Url, "url", "link", "source url", "original url", "permalink", "canonical", "canonical url", "web", "lien", "enlace", "ссылка", "adresse", "address", "original", "source link");
        Add(Field.Summary, "description", "summary", "abstract", "lead", "lede", "excerpt", "dek", "standfirst", "teaser", "résumé", "resume", "chapeau", "chapô", "zusammenfassung", "vorspann", "resumen", "entradilla", "resumo", "sommario", "аннотация", "описание", "лид", "özet");
        Add(Field.Keywords, "keywords", "tags", "tag", "topics", "subjects", "categories", "category", "section", "mots-clés", "mots clés", "schlagwörter", "schlagworte", "stichwörter", "palabras clave", "etiquetas", "temas", "palavras-chave", "parole chiave", "теги", "ключевые слова", "рубрика", "etiketler");
        Add(Field.Language, "language", "lang", "langue", "sprache", "idioma", "lingua", "язык", "dil");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*(?<key>\p{L}[\p{L}()' .-]{0,30}?)\s*[:：]\s*(?<value>\S.*)$")]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"[\p{L}\p{N}|]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b(?:updated|last modified|modified|mis à jour|aktualisiert|actualizado|atualizado|aggiornato|обновлено)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdateLabel();

    [GeneratedRegex(@"\b(?:published|posted|publié|veröffentlicht|publicado|pubblicato|опубликовано|date)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishLabel();

    [GeneratedRegex(@"^(?:(?:written|words|reporting|story|text|posted|published)\s+by|by|par|von|por|door|автор)\s*:?\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:read more|more articles|more stories|more from this author|more by this author|view all posts|all articles|all posts|see more|full bio|view profile)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    [GeneratedRegex(@"\b(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|photographer|producer|analyst|staff|senior|chief|intern|freelance|professor|director|fellow|student|author|correspondant|journaliste|redakteur|korrespondent|periodista|corresponsal)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalRole();

    [GeneratedRegex(@"\s*(?:\||\s[-–—]\s|,)\s*")]
    private static partial Regex SiteSeparator();

    [GeneratedRegex(@"[\s,|·•-]*\b(?:on|at|le|am|el|em|il|op|в)?\s*[\s,|·•-]*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingConnector();

    [GeneratedRegex(@"^(?:https?://|www\.)\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"https?://[^\s<>""]+|www\.[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"^#{1,6}\s+|\s+#{1,6}$")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"^(?:follow|like|join|find|connect with|subscribe to|sign up for|suivez|folgen sie|síguenos|siga-nos|подписывайтесь)\b.{0,80}\b(?:us|our|nous|uns|nos|нас)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowLine();

    [GeneratedRegex(@"(?<![\w@.])@(?<name>[A-Za-z][A-Za-z0-9_]{1,30})\b")]
    private static partial Regex Handle();

    [GeneratedRegex(@"^(?:share(?: this(?: article| story)?)?(?: on \w+)?|tweet|print|email|e-mail|whatsapp|facebook|twitter|linkedin|telegram|pinterest|reddit|copy link|partager|teilen|compartir|compartilhar)[\s:|,]*(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|print|reddit|pinterest|copy link)[\s|,]*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareLine();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright\b)|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightLine();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*(?<owner>[^.|,©]{2,80}?)\s*(?:[.|,]|\ball rights reserved\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightOwner();

    [GeneratedRegex(@"^(?:source|quelle|fuente|fonte|источник|originally published (?:in|on|by|at)|first published (?:in|on|by|at)|this (?:article|story) (?:was )?(?:first |originally )?(?:appeared|published) (?:in|on|at)|via)\s*[:：]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginLine();

    [GeneratedRegex(@"^(?:tags?|keywords|topics|related topics|filed under|mots-clés|mots clés|schlagwörter|stichwörter|etiquetas|palabras clave|теги|ключевые слова)\s*[:：]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TagsLine();

    [GeneratedRegex(@"^(?:related(?: articles| stories| news)?|read more|read also|see also|also read|more on this|more from|recommended|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|lea también|leia também|читайте также)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedLine();

    [GeneratedRegex(@"^(?:contact|email|e-mail|tel|phone|fax)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactLine();

    [GeneratedRegex(@"^(?:advertisement|advertising|sponsored|anzeige|publicité|publicidad|реклама|story continues below(?: advertisement)?|continue reading(?: below)?|article continues below)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvertLine();

    [GeneratedRegex(@"[A-Z]{2,}(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+|_")]
    private static partial Regex CamelSegments();
}

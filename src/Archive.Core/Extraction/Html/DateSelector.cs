using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Picks the article's date: JSON-LD datePublished, then publication meta tags (OpenGraph article:*, Dublin Core,
/// common CMS names), then itemprop/&lt;time&gt; markup, then dates written in byline-like elements, then the URL.
/// That date is then checked against the date line a reader sees under the headline (<see cref="HeadlineDate"/>):
/// when the page shows an "Updated" date there first, the article is dated by that update (the modified instant from
/// the metadata when one matches); when it shows a day one off from the metadata's (an instant stored in UTC but shown
/// in local time, or shown as the next morning's edition), the day shown wins. Otherwise modification dates are not used.
/// </summary>
internal static partial class DateSelector
{
    private static readonly string[] MetaNames =
    [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time", "published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published-date", "publication_date",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "dc.created",
        "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "originalpublicationdate",
        "article.published", "cxenseparse:recs:publishtime", "og:pubdate", "rnews:datepublished", "displaydate",
        "date.available", "creation_date", "release_date", "date", "article_date_original", "dc.date.published",
    ];

    private static readonly string[] ModifiedMetaNames =
    [
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified", "last-modified",
        "modified_time", "lastmod",
    ];

    public static (DateTimeOffset? Value, bool DateOnly) Select(IDocument document, MetaTags meta, JsonLdArticle? jsonLd, string? url)
    {
        var monthFirst = IsUsEnglish(document);
        var (value, dateOnly) = SelectFromMarkup(document, meta, jsonLd, url, monthFirst);
        if (value is not { } selected || HeadlineDate.Find(document, monthFirst) is not { } shown)
        {
            return (value, dateOnly);
        }

        var selectedDay = DateOnly.FromDateTime(selected.DateTime);
        if (shown.Day == selectedDay)
        {
            return (value, dateOnly);
        }

        if (shown.Kind == HeadlineDate.Label.Updated)
        {
            foreach (var modified in ModifiedDates(document, meta, jsonLd))
            {
                if (DateOnly.FromDateTime(modified.Value.DateTime) == shown.Day)
                {
                    return (modified.Value, modified.DateOnly);
                }
            }

            return (DayStart(shown.Day), true);
        }

        if (Math.Abs(shown.Day.DayNumber - selectedDay.DayNumber) != 1)
        {
            return (value, dateOnly);
        }

        // The same instant written in the offset the page shows it in, when the shown time of day gives one.
        if (!dateOnly && shown.MinuteOfDay is { } minute)
        {
            var shownLocal = shown.Day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
            var utc = selected.UtcDateTime;
            var offsetMinutes = (int)Math.Round((shownLocal - new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0)).TotalMinutes);
            if (Math.Abs(offsetMinutes) <= 14 * 60 && offsetMinutes % 15 == 0)
            {
                return (selected.ToOffset(TimeSpan.FromMinutes(offsetMinutes)), false);
            }
        }

        return (DayStart(shown.Day), true);
    }

    private static DateTimeOffset DayStart(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static IEnumerable<HtmlDate> ModifiedDates(IDocument document, MetaTags meta, JsonLdArticle? jsonLd)
    {
        if (HtmlDateParser.ParseMachine(jsonLd?.DateModified) is { } ld)
        {
            yield return ld;
        }

        foreach (var name in ModifiedMetaNames)
        {
            foreach (var content in meta.All(name))
            {
                if (HtmlDateParser.ParseMachine(content) is { } fromMeta)
                {
                    yield return fromMeta;
                }
            }
        }

        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (IsModified(time) && HtmlDateParser.ParseMachine(time.GetAttribute("datetime")) is { } fromTime)
            {
                yield return fromTime;
            }
        }
    }

    private static (DateTimeOffset? Value, bool DateOnly) SelectFromMarkup(IDocument document, MetaTags meta, JsonLdArticle? jsonLd, string? url, bool monthFirst)
    {
        // A publish time set for a recommendation engine (cXense) is one the newsroom typed for readers, where the
        // JSON-LD is often the CMS's storage time (written without an offset, or in UTC): it goes first.
        if (HtmlDateParser.ParseMachine(meta.First("cxenseparse:publishtime", "cxenseparse:recs:publishtime")) is { } editorial)
        {
            return (editorial.Value, editorial.DateOnly);
        }

        if (HtmlDateParser.ParseMachine(jsonLd?.DatePublished) is { } ld)
        {
            return (ld.Value, ld.DateOnly);
        }

        foreach (var name in MetaNames)
        {
            if (HtmlDateParser.ParseMachine(meta.First(name)) is { } fromMeta)
            {
                return (fromMeta.Value, fromMeta.DateOnly);
            }
        }

        if (HtmlDateParser.ParseMachine(jsonLd?.DateCreated) is { } created)
        {
            return (created.Value, created.DateOnly);
        }

        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished], time[pubdate], [property='article:published_time'], [property='dc:date'], [property='dcterms:created']"))
        {
            var value = element.GetAttribute("content") ?? element.GetAttribute("datetime");
            if ((HtmlDateParser.ParseMachine(value) ?? HtmlDateParser.ParseText(element.TextContent, false)) is { } marked)
            {
                return (marked.Value, marked.DateOnly);
            }
        }

        foreach (var time in document.QuerySelectorAll("time"))
        {
            if (IsOutsideArticle(time) || IsModified(time))
            {
                continue;
            }

            if ((HtmlDateParser.ParseMachine(time.GetAttribute("datetime")) ?? HtmlDateParser.ParseText(time.TextContent, monthFirst)) is { } fromTime)
            {
                return (fromTime.Value, fromTime.DateOnly);
            }
        }

        foreach (var element in document.QuerySelectorAll("[class*=date], [class*=time], [class*=publish], [class*=byline], [class*=meta], [id*=date], [class*=posted], [class*=datum], [class*=fecha], [class*=data]"))
        {
            if (IsInFurniture(element) || IsModified(element))
            {
                continue;
            }

            var text = element.TextContent;
            if (text.Length is > 0 and < 200 && HtmlDateParser.ParseText(text, monthFirst) is { } visible)
            {
                return (visible.Value, visible.DateOnly);
            }
        }

        // Last resort: the first short text block in the page that is a date line ("January 13, 2020 at 08:45 AM").
        foreach (var element in document.QuerySelectorAll("small, span, p, em, dd, li, div, b, strong, i"))
        {
            if (element.ChildElementCount > 3)
            {
                continue;
            }

            var text = element.TextContent;
            if (text.Length is < 6 or > 80 || IsOutsideArticle(element) || IsModified(element))
            {
                continue;
            }

            if (HtmlDateParser.ParseText(text, monthFirst) is { } line)
            {
                return (line.Value, line.DateOnly);
            }
        }

        if (url is not null && UrlDateRegex().Match(url) is { Success: true } match &&
            HtmlDateParser.ParseMachine($"{match.Groups["y"].Value}-{match.Groups["m"].Value.PadLeft(2, '0')}-{match.Groups["d"].Value.PadLeft(2, '0')}") is { } fromUrl)
        {
            return (fromUrl.Value, true);
        }

        return (null, false);
    }

    private static bool IsUsEnglish(IDocument document)
    {
        var lang = document.DocumentElement?.GetAttribute("lang") ?? string.Empty;
        return lang.Length == 0 || lang.StartsWith("en-us", StringComparison.OrdinalIgnoreCase) || string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOutsideArticle(IElement element) => Furniture.Contains(element);

    private static bool IsInFurniture(IElement element) => Furniture.Contains(element, includeAside: false);

    private static bool IsModified(IElement element)
    {
        var marker = (element.GetAttribute("class") ?? string.Empty) + " " + (element.GetAttribute("itemprop") ?? string.Empty) + " " +
                     (element.ParentElement?.GetAttribute("class") ?? string.Empty);
        return marker.Contains("modif", StringComparison.OrdinalIgnoreCase) || marker.Contains("update", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12]\d|3[01])(?:/|-|$)")]
    private static partial Regex UrlDateRegex();
}

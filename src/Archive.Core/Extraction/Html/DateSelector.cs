using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Picks the publication date: JSON-LD datePublished, then publication meta tags (OpenGraph article:*, Dublin Core,
/// common CMS names), then itemprop/&lt;time&gt; markup, then dates written in byline-like elements, then the URL.
/// Modification dates are never used.
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

    public static (DateTimeOffset? Value, bool DateOnly) Select(IDocument document, MetaTags meta, JsonLdArticle? jsonLd, string? url)
    {
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

        var monthFirst = IsUsEnglish(document);
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

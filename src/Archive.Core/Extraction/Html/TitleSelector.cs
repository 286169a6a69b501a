using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Chooses the headline: a visible heading (h1 or a headline-marked element) that the metadata titles confirm wins;
/// otherwise the JSON-LD headline unless truncated; otherwise og:title or &lt;title&gt; without the site-name part.
/// </summary>
internal static partial class TitleSelector
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " • ", " ~ "];

    public static string? Select(IDocument document, MetaTags meta, JsonLdArticle? jsonLd, string? siteName)
    {
        var references = new List<string>();
        AddReference(references, jsonLd?.Headline);
        AddReference(references, meta.First("og:title"));
        AddReference(references, meta.First("twitter:title"));
        AddReference(references, meta.First("dc.title", "dcterms.title", "title", "headline", "sailthru.title", "parsely-title"));
        AddReference(references, document.Title);

        if (MainHeading(document, references, siteName) is { } main)
        {
            return main;
        }

        var headings = CollectHeadings(document);
        foreach (var heading in headings)
        {
            if (references.Exists(r => Same(r, heading)))
            {
                return heading;
            }
        }

        foreach (var heading in headings)
        {
            foreach (var reference in references)
            {
                if (heading.Length >= 12 && Contains(reference, heading) && heading.Length * 10 >= reference.Length * 4)
                {
                    return heading;
                }
            }
        }

        if (jsonLd?.Headline is { } headline && !IsTruncated(headline) && !LooksLikeSiteName(headline, siteName))
        {
            return StripSite(headline, siteName, headings);
        }

        foreach (var candidate in (ReadOnlySpan<string?>)[meta.First("og:title"), meta.First("twitter:title"), document.Title])
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return StripSite(Clean(candidate), siteName, headings);
            }
        }

        return headings.Count > 0 ? headings[0] : null;
    }

    /// <summary>
    /// The page's visible headline: the best &lt;h1&gt; outside navigation, inside the article or marked as a title,
    /// of at least three words (or confirmed by a metadata title), never the site name. A kicker (overline) inside
    /// the heading is dropped.
    /// </summary>
    private static string? MainHeading(IDocument document, List<string> references, string? siteName)
    {
        string? best = null;
        var bestScore = int.MinValue;
        var index = 0;
        foreach (var h1 in document.QuerySelectorAll("h1").Take(10))
        {
            index++;
            if (h1.Closest("nav, footer, aside, [class*=logo], [id*=logo], [class*=masthead], [class*=brand]") is not null || IsSiteHeading(h1))
            {
                continue;
            }

            var text = HeadingText(h1);
            if (text.Length < 4 || text.Length > 400 || LooksLikeSiteName(text, siteName))
            {
                continue;
            }

            var confirmed = references.Exists(r => Overlap(r, text) >= 0.6);
            var words = text.Split(' ').Length;
            if (!confirmed && words < 3)
            {
                continue;
            }

            var marker = (h1.GetAttribute("class") ?? string.Empty) + " " + (h1.GetAttribute("itemprop") ?? string.Empty) + " " + (h1.Id ?? string.Empty);
            var score = (confirmed ? 4 : 0) - index +
                        (h1.Closest("article, main, [role=main], [itemprop=articleBody]") is not null ? 2 : 0) +
                        (TitleMarkerRegex().IsMatch(marker) ? 2 : 0);
            if (score > bestScore)
            {
                best = text;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>A blog's name set as h1: in the page header outside the article, or a heading that only links to the home page.</summary>
    private static bool IsSiteHeading(IElement h1)
    {
        var marker = (h1.GetAttribute("class") ?? string.Empty) + " " + (h1.GetAttribute("itemprop") ?? string.Empty);
        if (h1.Closest("article, main, [role=main]") is null && !TitleMarkerRegex().IsMatch(marker) &&
            h1.Closest("header, #header, [class*=site-header], [class*=blog-header], [id*=site-header], [class*=header-inner]") is { } header &&
            !ArticleHeaderRegex().IsMatch((header.GetAttribute("class") ?? string.Empty) + " " + (header.Id ?? string.Empty)))
        {
            return true;
        }

        var links = h1.QuerySelectorAll("a");
        if (links.Length == 1 && links[0].TextContent.Trim().Length >= h1.TextContent.Trim().Length - 2)
        {
            var href = links[0].GetAttribute("href") ?? string.Empty;
            if (Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.AbsolutePath.Length <= 1 : href is "/" or "./" or "" or "#")
            {
                return true;
            }
        }

        return false;
    }

    private static string HeadingText(IElement heading)
    {
        var children = heading.Children.Where(c => c.TextContent.Trim().Length > 0).ToList();
        if (children.Count >= 2)
        {
            var kept = children.Where(c => !KickerRegex().IsMatch((c.GetAttribute("class") ?? string.Empty) + " " + (c.GetAttribute("aria-hidden") == "true" ? "hidden" : string.Empty) + " " + c.LocalName)).ToList();
            if (kept.Count > 0 && kept.Count < children.Count)
            {
                var text = new System.Text.StringBuilder();
                foreach (var node in heading.ChildNodes)
                {
                    if (node is not IElement child || kept.Contains(child) || child.TextContent.Trim().Length == 0)
                    {
                        text.Append(node.TextContent);
                    }
                }

                return Clean(text.ToString()).Trim(':', '-', '–', '—', '|', ' ');
            }
        }

        return Clean(heading.TextContent).Trim('|', ' ');
    }

    /// <summary>Share of the shorter text's words found in the longer one.</summary>
    private static double Overlap(string a, string b)
    {
        var left = WordRegex().Matches(a.ToLowerInvariant()).Select(m => m.Value).ToHashSet();
        var right = WordRegex().Matches(b.ToLowerInvariant()).Select(m => m.Value).ToHashSet();
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var common = left.Count(right.Contains);
        return (double)common / Math.Min(left.Count, right.Count);
    }

    private static void AddReference(List<string> references, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            references.Add(Clean(value));
        }
    }

    private static List<string> CollectHeadings(IDocument document)
    {
        var headings = new List<string>();
        var selector = "h1, [itemprop=headline], .entry-title, .post-title, .article-title, .headline, .article__title, .article-headline, .story-title, .title, h2";
        foreach (var element in document.QuerySelectorAll(selector).Take(20))
        {
            if (element.LocalName is "meta" or "title" or "link" || element.Closest("nav, footer, aside") is not null)
            {
                continue;
            }

            Add(element.TextContent);
            foreach (var child in element.Children)
            {
                Add(child.TextContent);
            }
        }

        return headings;

        void Add(string text)
        {
            var clean = Clean(text);
            if (clean.Length is >= 4 and <= 400 && !headings.Contains(clean))
            {
                headings.Add(clean);
            }
        }
    }

    private static string StripSite(string title, string? siteName, List<string> headings)
    {
        foreach (var separator in Separators)
        {
            var index = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            var head = title[..index].Trim();
            var tail = title[(index + separator.Length)..].Trim();
            if (LooksLikeSiteName(tail, siteName) || (tail.Split(' ').Length <= 4 && head.Length > tail.Length * 2))
            {
                return StripSite(head, siteName, headings);
            }

            var first = title.IndexOf(separator, StringComparison.Ordinal);
            var lead = title[..first].Trim();
            if (LooksLikeSiteName(lead, siteName))
            {
                return StripSite(title[(first + separator.Length)..].Trim(), siteName, headings);
            }
        }

        return title;
    }

    private static bool LooksLikeSiteName(string part, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName))
        {
            return false;
        }

        var a = Squash(part);
        var b = Squash(siteName);
        return a.Length > 0 && (a == b || (b.Length > 3 && a.Contains(b, StringComparison.Ordinal)) || (a.Length > 3 && b.Contains(a, StringComparison.Ordinal)));
    }

    private static bool IsTruncated(string headline) => headline.EndsWith('…') || headline.EndsWith("...", StringComparison.Ordinal);

    private static bool Same(string a, string b) => string.Equals(Squash(a), Squash(b), StringComparison.Ordinal);

    private static bool Contains(string reference, string heading) => Squash(reference).Contains(Squash(heading), StringComparison.Ordinal);

    private static string Squash(string value) => new([.. value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    internal static string Clean(string value) => WhitespaceRegex().Replace(System.Net.WebUtility.HtmlDecode(value), " ").Trim();

    [GeneratedRegex(@"kicker|overline|eyebrow|dachzeile|topline|roofline|titleheader|supertitle|hidden|rubric|label|category|\bsmall\b", RegexOptions.IgnoreCase)]
    private static partial Regex KickerRegex();

    [GeneratedRegex(@"entry|article|post|story|content|page", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleHeaderRegex();

    [GeneratedRegex(@"title|headline|heading", RegexOptions.IgnoreCase)]
    private static partial Regex TitleMarkerRegex();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}

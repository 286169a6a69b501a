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
        var selector = "h1, [itemprop=headline], .entry-title, .post-title, .article-title, .headline, .article__title, .article-headline, .story-title, .title";
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}

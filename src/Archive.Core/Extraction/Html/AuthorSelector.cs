using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Picks the authors: JSON-LD author, then author meta tags, then byline markup (itemprop, rel=author, byline/author
/// classes), then a "By NAME" line near the headline. Every candidate is cleaned by <see cref="AuthorNames"/>.
/// </summary>
internal static partial class AuthorSelector
{
    public static List<string> Select(IDocument document, MetaTags meta, JsonLdArticle? jsonLd, string? siteName)
    {
        var names = new List<string>();
        foreach (var author in jsonLd?.Authors ?? [])
        {
            AddAll(names, AuthorNames.Clean(author, siteName ?? jsonLd?.Publisher));
        }

        if (names.Count > 0)
        {
            return CompleteFirstNames(names, document);
        }

        foreach (var key in (ReadOnlySpan<string>)["author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "citation_author", "og:article:author", "cxenseparse:author", "article:author_name"])
        {
            foreach (var value in meta.All(key))
            {
                AddAll(names, AuthorNames.Clean(value, siteName));
            }

            if (names.Count > 0)
            {
                return names;
            }
        }

        foreach (var selector in (ReadOnlySpan<string>)[
            "[itemprop=author] [itemprop=name]", "[itemprop=author]", "[rel=author]", "[class*=byline] [class*=author]",
            "[class*=byline] a", "[class*=author-name], [class*=authorname], [class*=author__name], [class*=author_name]",
            "[class*=byline]", "[class*=author]", "[class*=autor]"])
        {
            foreach (var element in document.QuerySelectorAll(selector).Take(10))
            {
                if (Furniture.Contains(element))
                {
                    continue;
                }

                var text = element.LocalName == "meta" ? element.GetAttribute("content") : element.TextContent;
                if (text is { Length: > 0 and < 200 })
                {
                    AddAll(names, AuthorNames.Clean(text, siteName));
                }
            }

            if (names.Count > 0)
            {
                return names;
            }
        }

        foreach (var element in document.QuerySelectorAll("p, span, div, em, small, li, td, address, header").Take(3000))
        {
            if (element.ChildElementCount > 8)
            {
                continue;
            }

            var text = element.TextContent;
            if (text.Length is < 6 or > 160 || Furniture.Contains(element) || element.Closest("[id*=footer], [class*=copyright]") is not null)
            {
                continue;
            }

            if (BylineRegex().Match(text) is { Success: true } match &&
                (match.Groups["name"].Value.Contains(' ', StringComparison.Ordinal) || match.Groups["explicit"].Success))
            {
                AddAll(names, AuthorNames.Clean(match.Groups["name"].Value, siteName));
                if (names.Count > 0)
                {
                    return names;
                }
            }
        }

        return names;
    }

    /// <summary>A one-word JSON-LD author ("Todd") is completed from the page when a byline spells the full name.</summary>
    /// <remarks>The page's text (the whole body's, a costly walk) is taken only when a one-word name is there to complete.</remarks>
    private static List<string> CompleteFirstNames(List<string> names, IDocument document)
    {
        string? text = null;
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            text ??= document.Body?.TextContent;
            if (text is null)
            {
                return names;
            }

            try
            {
                var match = Regex.Match(text, @"(?<!\p{L})" + Regex.Escape(names[i]) + @"\s+(\p{Lu}[\p{L}'-]+)(?!\p{L})", RegexOptions.None, TimeSpan.FromMilliseconds(200));
                if (match.Success)
                {
                    names[i] = names[i] + " " + match.Groups[1].Value;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Keep the name as given.
            }
        }

        return names;
    }

    private static void AddAll(List<string> names, List<string> found)
    {
        foreach (var name in found)
        {
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }
    }

    [GeneratedRegex(@"(?:^|[\s|(])(?:(?<explicit>[Ww]ritten by|[Pp]osted by|[Aa]uthor|[Aa]utor|[Aa]uteur)|[Bb]y|BY|[Vv]on|[Pp]or|[Pp]ar|[Tt]ext)\s*:?\s+(?<name>\p{Lu}[\p{L}.'-]*(?:\s+(?:(?:de|da|van|von|del|la|le|der|den|di|du|dos|das|ter|zu)\s+)*\p{Lu}[\p{L}.'-]*){0,3})(?=\s*(?:$|[|,@•·(]|\s-\s|\s+(?:on|am|le|el|em|at|in|\d)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();
}

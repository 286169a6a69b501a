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
            return names;
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
                if (element.Closest("[class*=comment], [id*=comment], footer, aside, [class*=related]") is not null)
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

        var body = document.Body?.TextContent;
        if (body is not null && BylineRegex().Match(body) is { Success: true } match)
        {
            AddAll(names, AuthorNames.Clean(match.Groups["name"].Value, siteName));
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

    [GeneratedRegex(@"(?:^|\n)\s*(?:By|Von|Por|Par)\s+(?<name>\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3})\s*(?:\n|$|,|\|)", RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();
}

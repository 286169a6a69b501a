using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Removes page furniture before and after main-content selection: hidden elements, navigation, share bars,
/// newsletter boxes, related links, comments, ads, captions and credits (found by tag, role and class/id words).
/// An element holding much link-poor text is kept whatever its class says, so a mislabelled wrapper survives.
/// </summary>
internal static partial class BoilerplateFilter
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "sharing", "shares", "sharebar", "social", "socials", "newsletter", "newsletters", "subscribe", "subscription",
        "related", "recommended", "recommendations", "recirc", "recirculation", "comment", "comments", "disqus", "ad", "ads",
        "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo", "promotion", "cookie", "cookies",
        "consent", "gdpr", "breadcrumb", "breadcrumbs", "popular", "trending", "outbrain", "taboola", "signup", "paywall",
        "sidebar", "nav", "navbar", "navigation", "menu", "footer", "modal", "popup", "caption", "credit", "credits",
        "toolbar", "banner", "teaser", "teasers", "tags", "topics", "author-box", "authorbox", "bio",
        "subscribe-box", "widget", "widgets", "jump", "skip", "visually-hidden", "sr-only", "screen-reader-text",
        "rating", "reactions", "pagination", "pager", "readmore", "read-more", "mostread", "most-read", "masthead", "header",
        "byline", "dateline", "meta", "infobox", "newsletter-signup", "donate", "donation", "login", "register",
        "wp-caption-text", "image-credit", "photo-credit", "copyright", "disclaimer", "crosslink", "crosslinks",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordsLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> RemovedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "nav", "button", "select",
        "input", "textarea", "figcaption", "dialog", "menu",
    };

    private static readonly HashSet<string> SoftTags = new(StringComparer.OrdinalIgnoreCase) { "aside", "footer", "header", "form" };

    /// <summary>Removes furniture from the document body in place.</summary>
    public static void Clean(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return;
        }

        var doomed = new List<IElement>();
        IElement? lastDoomed = null;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            // Document order: everything inside an element already marked goes with it, so it need not be judged.
            if (lastDoomed is not null && lastDoomed.Contains(element))
            {
                continue;
            }

            if (IsBoilerplate(element))
            {
                doomed.Add(element);
                lastDoomed = element;
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    /// <summary>True when <paramref name="element"/> is furniture that may be removed.</summary>
    public static bool IsBoilerplate(IElement element)
    {
        var tag = element.LocalName;
        if (RemovedTags.Contains(tag))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return !HoldsArticleText(element);
        }

        var style = element.GetAttribute("style");
        if (style is not null && DisplayNoneRegex().IsMatch(style))
        {
            return !HoldsArticleText(element);
        }

        var role = element.GetAttribute("role");
        if (role is "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "dialog" or "alert")
        {
            return !HoldsArticleText(element);
        }

        if (SoftTags.Contains(tag))
        {
            return !HoldsArticleText(element);
        }

        if (tag is "body" or "html" or "main" or "article" or "p" or "h1" or "h2")
        {
            return false;
        }

        var marker = (element.GetAttribute("class") ?? string.Empty) + " " + (element.Id ?? string.Empty);
        if (marker.Length <= 1)
        {
            return false;
        }

        foreach (var word in TokenRegex().EnumerateMatches(marker))
        {
            var token = marker.AsSpan(word.Index, word.Length);
            if (WordsLookup.Contains(token))
            {
                return !HoldsArticleText(element);
            }

            foreach (var range in token.SplitAny('-', '_'))
            {
                if (WordsLookup.Contains(token[range]))
                {
                    return !HoldsArticleText(element);
                }
            }
        }

        return false;
    }

    /// <summary>Whether the element carries a substantial amount of prose that is not links.</summary>
    private static bool HoldsArticleText(IElement element)
    {
        var paragraphs = 0;
        var textLength = 0;
        foreach (var p in element.QuerySelectorAll("p"))
        {
            var length = p.TextContent.Length;
            if (length >= 80)
            {
                var linkLength = 0;
                foreach (var a in p.QuerySelectorAll("a"))
                {
                    linkLength += a.TextContent.Length;
                }

                if (linkLength * 3 < length)
                {
                    paragraphs++;
                    textLength += length;
                }
            }

            if (paragraphs >= 2 && textLength >= 600)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNoneRegex();

    [GeneratedRegex(@"[A-Za-z]+(?:[-_][A-Za-z]+)*")]
    private static partial Regex TokenRegex();
}

using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;


/// <summary>Whether an element sits in page furniture (navigation, footer, sidebar, comments, related links), judged by tags and whole class/id tokens.</summary>
internal static class Furniture
{
    private static readonly HashSet<string> Tokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "sidebar", "comment", "comments", "commentlist", "comment-list", "related", "related-posts", "related-articles",
        "footer", "site-footer", "nav", "navigation", "menu", "widget-area", "recommended", "most-read", "popular",
    };

    /// <summary>True when <paramref name="element"/> or an ancestor is furniture; <paramref name="includeAside"/> counts &lt;aside&gt; too.</summary>
    public static bool Contains(IElement element, bool includeAside = true)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            var tag = current.LocalName;
            if (tag is "nav" or "footer" || (includeAside && tag == "aside"))
            {
                return true;
            }

            var marker = current.GetAttribute("class");
            if (HasToken(marker) || HasToken(current.Id) ||
                (marker?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false) ||
                (current.Id?.Contains("comment", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Tokens.Contains(token))
            {
                return true;
            }
        }

        return false;
    }
}

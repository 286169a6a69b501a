using System.Collections.Frozen;

namespace Archive.Core.Extraction.Pipeline;

/// <summary>
/// Estimates how deeply an HTML document nests its container elements with one linear pass over the markup (no
/// parsing), so that pathological inputs are refused before a parser or a recursive tree walk meets them.
/// Only elements that need an end tag are counted; comments, scripts and styles are skipped.
/// </summary>
internal static class HtmlDepth
{
    private static readonly FrozenSet<string> Containers = FrozenSet.ToFrozenSet(
        [
            "div", "span", "section", "article", "main", "aside", "nav", "header", "footer", "table", "tbody", "thead", "tfoot", "tr", "td",
            "th", "ul", "ol", "dl", "blockquote", "form", "fieldset", "figure", "a", "b", "i", "em", "strong", "font", "center", "small",
            "big", "u", "s", "sub", "sup", "label", "button", "select", "details", "q", "cite", "code", "pre", "mark", "abbr", "address",
            "object", "video", "audio", "picture", "svg", "g", "nobr", "tt", "strike", "del", "ins", "kbd", "var", "samp", "bdi", "bdo",
        ],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContainerLookup = Containers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Estimate(string html)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        Span<char> name = stackalloc char[16];
        while (true)
        {
            i = html.IndexOf('<', i);
            if (i < 0 || i + 1 >= html.Length)
            {
                return max;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var length = 0;
            while (start + length < html.Length && length < name.Length && char.IsAsciiLetterOrDigit(html[start + length]))
            {
                name[length] = char.ToLowerInvariant(html[start + length]);
                length++;
            }

            if (length == 0)
            {
                i++;
                continue;
            }

            ReadOnlySpan<char> tag = name[..length];
            if (!closing && (tag.SequenceEqual("script") || tag.SequenceEqual("style") || tag.SequenceEqual("textarea") || tag.SequenceEqual("title")))
            {
                var end = html.IndexOf("</" + tag.ToString(), start, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end + 2;
                continue;
            }

            var tagEnd = html.IndexOf('>', start);
            if (tagEnd < 0)
            {
                return max;
            }

            if (ContainerLookup.Contains(tag))
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (html[tagEnd - 1] != '/')
                {
                    depth++;
                    max = Math.Max(max, depth);
                }
            }

            i = tagEnd + 1;
        }
    }
}

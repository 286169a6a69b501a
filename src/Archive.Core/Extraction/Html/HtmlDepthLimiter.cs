using System.Text;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Bounds element nesting before the HTML parser sees the markup. AngleSharp caps its tree depth but slows down badly
/// (minutes) on tens of thousands of nested unclosed elements, so start tags beyond <see cref="MaxDepth"/> open elements
/// are dropped (their text is kept). One linear scan; ordinary pages come back unchanged (the same string instance).
/// </summary>
internal static class HtmlDepthLimiter
{
    /// <summary>The nesting depth (of elements that need a close tag) above which start tags are dropped.</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> NoCloseNeeded = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp",
        "colgroup", "caption", "html", "head", "body", "!doctype", "basefont", "bgsound", "frame", "keygen", "image",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NoCloseNeededLookup =
        NoCloseNeeded.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the markup with start tags beyond the depth limit removed, or the input itself when none is.</summary>
    public static string Limit(string html)
    {
        var depth = 0;
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var first = html[lt + 1];
            if (first == '!' || first == '?')
            {
                i = SkipSpecial(html, lt, gt);
                continue;
            }

            var closing = first == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < gt && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-' || html[nameEnd] == ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                i = lt + 1;
                continue;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (IsRawText(name) && !closing)
            {
                // Skip script/style bodies: their content is not markup.
                var close = html.IndexOf("</" + name.ToString(), gt, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            var selfClosing = html[gt - 1] == '/';
            var counts = !selfClosing && !NoCloseNeededLookup.Contains(name);
            if (counts)
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (++depth > MaxDepth)
                {
                    output ??= new StringBuilder(html.Length);
                    output.Append(html, copiedUpTo, lt - copiedUpTo);
                    copiedUpTo = gt + 1;
                }
            }

            i = gt + 1;
        }

        if (output is null)
        {
            return html;
        }

        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("style", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("textarea", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("title", StringComparison.OrdinalIgnoreCase);

    private static int SkipSpecial(string html, int lt, int gt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        return gt + 1;
    }
}

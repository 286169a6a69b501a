using System.Net;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Text;

/// <summary>
/// Plain text from small HTML fragments that turn up inside other formats (a JSON record's body, a description
/// with entities). Block tags become paragraph breaks, other tags vanish, entities are decoded. Not a page
/// extractor: full pages go to the HTML reader.
/// </summary>
internal static partial class HtmlFragments
{
    /// <summary>True when <paramref name="text"/> holds HTML tags.</summary>
    public static bool LooksLikeHtml(string text) => Tag().IsMatch(text);

    /// <summary>The fragment as a normalized body (paragraphs separated by a blank line).</summary>
    public static string ToText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = LineBreak().Replace(text, "\n");
        text = BlockTag().Replace(text, "\n\n");
        text = AnyTag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return TextLines.NormalizeBody(text);
    }

    /// <summary>Decodes entities and collapses whitespace in a one-line value (title, description).</summary>
    public static string DecodeInline(string value)
    {
        var text = value.Contains('<', StringComparison.Ordinal) ? AnyTag().Replace(value, " ") : value;
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return TextLines.Collapse(text);
    }

    [GeneratedRegex(@"</?(?:p|div|br|h[1-6]|li|ul|ol|span|a|em|strong|b|i|blockquote|figure|img|section|article)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>[\s\S]*?</\1\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--[\s\S]*?-->")]
    private static partial Regex Comment();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article|pre|table|tr|figure|figcaption|header|footer|aside|dl|dt|dd|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Text;

/// <summary>Line and paragraph helpers shared by the text-based readers.</summary>
internal static partial class TextLines
{
    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\u2028\u2029\u0085");

    /// <summary>
    /// Splits text into lines (any newline convention), trimming trailing whitespace. Lines longer than
    /// <paramref name="maxLineLength"/> are wrapped at whitespace (or hard-cut when there is none) with one warning.
    /// </summary>
    public static List<TextLine> Split(string text, int maxLineLength, List<string> warnings)
    {
        var lines = new List<TextLine>();
        var wrapped = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny(LineBreaks);
            end = end < 0 ? -1 : end + start;
            if (end < 0)
            {
                end = text.Length;
            }

            var length = text.AsSpan(start, end - start).TrimEnd().Length;
            if (length > maxLineLength)
            {
                wrapped++;
                Wrap(text, start, length, maxLineLength, lines);
            }
            else
            {
                lines.Add(new TextLine(text, start, length));
            }

            if (end >= text.Length)
            {
                break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
        }

        if (wrapped > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{wrapped:N0} line(s) longer than {maxLineLength:N0} characters were wrapped into paragraphs."));
        }

        return lines;
    }

    /// <summary>Collapses every run of whitespace (including non-breaking and zero-width spaces) to one space, trimmed.</summary>
    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsCollapsed(text))
        {
            return text;
        }

        return JoinParagraphs([text], text.Length);
    }

    /// <summary>Whether <paramref name="text"/> (not empty) is already collapsed: <see cref="Collapse"/> would return it as it is.</summary>
    internal static bool IsCollapsed(ReadOnlySpan<char> text) =>
        text[0] != ' ' && text[^1] != ' '
        && text.IndexOfAny(NotInCollapsedText) < 0
        && !text.Contains("  ", StringComparison.Ordinal);

    /// <summary>Characters a collapsed text never has: controls, whitespace other than the space, invisible characters.</summary>
    private static readonly System.Buffers.SearchValues<char> NotInCollapsedText = CharsWhere(c =>
        c < ' ' || (c > '\u007F' && (char.IsWhiteSpace(c) || IsInvisible(c))));

    /// <summary>Characters a normalized body never has: whitespace other than the space and the newline, invisible characters.</summary>
    private static readonly System.Buffers.SearchValues<char> NotInNormalizedBody = CharsWhere(c =>
        c is not (' ' or '\n') && (char.IsWhiteSpace(c) || IsInvisible(c)));

    internal static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static System.Buffers.SearchValues<char> CharsWhere(Func<char, bool> predicate)
    {
        var chars = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (predicate((char)c))
            {
                chars.Add((char)c);
            }
        }

        return System.Buffers.SearchValues.Create([.. chars]);
    }

    /// <summary>
    /// Normalizes a body to the contract's shape: paragraphs collapsed to single-spaced lines and separated by one
    /// blank line. Input paragraphs are separated by blank lines; single newlines inside one are joined by a space.
    /// </summary>
    public static string NormalizeBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        if (IsNormalizedBody(body))
        {
            return body;
        }

        body = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return JoinParagraphs(BlankLines().Split(body), body.Length);
    }

    /// <summary>True when <paramref name="body"/> already has the contract's shape (one space between words, "\n\n" between paragraphs).</summary>
    internal static bool IsNormalizedBody(ReadOnlySpan<char> body)
    {
        if (body.IsEmpty || char.IsWhiteSpace(body[0]) || char.IsWhiteSpace(body[^1]))
        {
            return false;
        }

        // Vectorized scans: no other whitespace or invisible character, no double space, no space before a newline.
        if (body.IndexOfAny(NotInNormalizedBody) >= 0 || body.IndexOf("  ", StringComparison.Ordinal) >= 0 || body.IndexOf(" \n", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        // Exactly "\n\n" between paragraphs, the next one starting with a non-space character.
        var i = body.IndexOf('\n');
        while (i >= 0)
        {
            if (body[i + 1] != '\n' || char.IsWhiteSpace(body[i + 2]))
            {
                return false;
            }

            var next = body[(i + 2)..].IndexOf('\n');
            i = next < 0 ? -1 : i + 2 + next;
        }

        return true;
    }

    /// <summary>Joins paragraphs into a body, each collapsed, dropping empty ones.</summary>
    public static string JoinParagraphs(IEnumerable<string> paragraphs) => JoinParagraphs(paragraphs, 256);

    private static string JoinParagraphs(IEnumerable<string> paragraphs, int capacity)
    {
        var writer = new BodyWriter(capacity);
        foreach (var paragraph in paragraphs)
        {
            writer.AppendLine(paragraph);
            writer.EndParagraph();
        }

        return writer.ToString();
    }

    /// <summary>The paragraphs of a normalized body.</summary>
    public static string[] Paragraphs(string body) =>
        body.Length == 0 ? [] : body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A line such as "---", "***", "___", "* * *" or "===".</summary>
    public static bool IsSeparator(ReadOnlySpan<char> line) => SeparatorLine().IsMatch(line);

    /// <summary>A list item: "- x", "* x", "• x", "1. x", "a) x".</summary>
    public static bool IsListItem(ReadOnlySpan<char> line) => ListItem().IsMatch(line);

    public static int CountWords(ReadOnlySpan<char> text) => CountWords(text, int.MaxValue);

    /// <summary>Whitespace-separated words, counted up to <paramref name="atMost"/> (a threshold test needs no more).</summary>
    public static int CountWords(ReadOnlySpan<char> text, int atMost)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                if (count == atMost)
                {
                    break;
                }

                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>Wraps the line at <paramref name="start"/> (<paramref name="length"/> characters of <paramref name="text"/>) into pieces, each a paragraph.</summary>
    private static void Wrap(string text, int start, int length, int maxLineLength, List<TextLine> lines)
    {
        var end = start + length;
        while (end - start > maxLineLength)
        {
            var cut = text.AsSpan(start, maxLineLength).LastIndexOf(' ');
            if (cut < maxLineLength / 2)
            {
                cut = maxLineLength;
            }

            lines.Add(TextLine.Trimmed(text, start, cut));

            // A blank line after each piece makes every piece its own paragraph.
            lines.Add(TextLine.Empty);
            start += cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (end > start)
        {
            lines.Add(new TextLine(text, start, end - start));
        }
    }

    [GeneratedRegex(@"\n[ \t\u00A0]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\s*(?:[-=_~#*•·]\s*){3,}$")]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"^\s*(?:[-*•·–+]|\d{1,3}[.)]|[a-z][.)])\s+\S")]
    private static partial Regex ListItem();
}

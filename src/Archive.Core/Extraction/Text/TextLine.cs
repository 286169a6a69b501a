namespace Archive.Core.Extraction.Text;

/// <summary>
/// A line of a text, as a place in it (trailing whitespace already cut): the readers look at most lines only as spans, so
/// a string is made only for the few lines a header or footer rule reads as one.
/// </summary>
internal readonly record struct TextLine(string Source, int Start, int Length)
{
    /// <summary>A blank line.</summary>
    public static readonly TextLine Empty = new(string.Empty, 0, 0);

    public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);

    /// <summary>Whether the line holds nothing but whitespace.</summary>
    public bool IsBlank => Span.IsWhiteSpace();

    /// <summary>The line without leading or trailing whitespace, as a string.</summary>
    public string TrimmedText()
    {
        var trimmed = Span.Trim();
        return trimmed.Length == Source.Length ? Source : trimmed.ToString();
    }

    /// <summary>The characters of <paramref name="text"/> from <paramref name="start"/> (<paramref name="length"/> of them), without leading or trailing whitespace.</summary>
    public static TextLine Trimmed(string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        var lead = span.Length - span.TrimStart().Length;
        return new TextLine(text, start + lead, span.Trim().Length);
    }

    /// <summary>A whole string as one line.</summary>
    public static TextLine Of(string line) => new(line, 0, line.Length);
}

using System.Text;

namespace Archive.Core.Extraction.Text;

/// <summary>
/// Writes a body from its lines in one buffer: the lines of a paragraph joined by a space and collapsed (runs of
/// whitespace to one space, soft hyphens and zero-width characters dropped, no space at either end), paragraphs with
/// nothing visible left out, the others separated by a blank line. The plain-text reader writes its body line by line
/// through it, without a string for each line and paragraph; <see cref="TextLines.Collapse"/>,
/// <see cref="TextLines.JoinParagraphs(IEnumerable{string})"/> and <see cref="TextLines.NormalizeBody"/> collapse through it too.
/// </summary>
internal sealed class BodyWriter(int capacity)
{
    private readonly StringBuilder buffer = new(Math.Max(capacity, 16));

    /// <summary>Whether the paragraph being written has lines.</summary>
    private bool open;

    /// <summary>Whether the paragraph being written has visible characters.</summary>
    private bool started;

    /// <summary>Whitespace came since the paragraph's last visible character.</summary>
    private bool pendingSpace;

    /// <summary>How many paragraphs were ended (some may have held nothing visible).</summary>
    public int Paragraphs { get; private set; }

    /// <summary>Adds a line to the paragraph being written, or starts one (whitespace at the line's ends collapses like any other).</summary>
    public void AppendLine(ReadOnlySpan<char> line)
    {
        // The space that joins a line to the one before collapses like any whitespace: only after a visible character.
        pendingSpace = open && started;
        open = true;
        if (!line.IsEmpty && TextLines.IsCollapsed(line))
        {
            BeforeVisible();
            Append(line);
            return;
        }

        foreach (var c in line)
        {
            if (TextLines.IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = started;
                continue;
            }

            BeforeVisible();
            Append(c);
        }
    }

    /// <summary>Ends the paragraph being written, if any (whitespace at its end is dropped).</summary>
    public void EndParagraph()
    {
        if (open)
        {
            Paragraphs++;
        }

        (open, started, pendingSpace) = (false, false, false);
    }

    public override string ToString() => buffer.ToString();

    /// <summary>Before a visible character: the blank line before a new paragraph, or the pending space inside one.</summary>
    private void BeforeVisible()
    {
        if (!started)
        {
            if (buffer.Length > 0)
            {
                Append("\n\n");
            }

            started = true;
        }
        else if (pendingSpace)
        {
            Append(' ');
        }

        pendingSpace = false;
    }

    private void Append(char c) => buffer.Append(c);

    private void Append(ReadOnlySpan<char> text) => buffer.Append(text);
}

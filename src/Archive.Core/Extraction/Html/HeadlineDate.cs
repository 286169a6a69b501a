using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// The date a reader sees under the headline: the first short date line after the page's main &lt;h1&gt;, with the
/// label in front of it ("Updated", "Aktualisiert", "Publicado"…) and a time of day when one is written beside it.
/// Metadata says when the CMS stored the article; this says which date the publisher chose to show.
/// </summary>
internal static partial class HeadlineDate
{
    private const int MaxHeadlines = 3;
    private const int MaxTextNodes = 60;
    private const int MaxLineLength = 120;
    private const int MaxCharactersScanned = 2500;

    /// <summary>What kind of date the label in front of it announces.</summary>
    public enum Label
    {
        None,
        Published,
        Updated,
    }

    /// <summary>A date line: the calendar day, the time of day when written (minutes since midnight) and its label.</summary>
    public readonly record struct Line(DateOnly Day, int? MinuteOfDay, Label Kind);

    public static Line? Find(IDocument document, bool monthFirst)
    {
        // Some pages use an <h1> for a section label above the real headline; look under the first few.
        var headlines = 0;
        foreach (var h1 in document.QuerySelectorAll("h1"))
        {
            if (Furniture.Contains(h1) || h1.TextContent.Trim().Length == 0)
            {
                continue;
            }

            if (FindAfter(h1, monthFirst) is { } line)
            {
                return line;
            }

            if (++headlines == MaxHeadlines)
            {
                break;
            }
        }

        return null;
    }

    private static Line? FindAfter(IElement headline, bool monthFirst)
    {
        var pendingLabel = Label.None;
        var nodes = 0;
        var scanned = 0;
        var paragraphs = 0;
        for (var node = Next(headline, skipChildren: true); node is not null && nodes < MaxTextNodes && scanned < MaxCharactersScanned; node = Next(node, skipChildren: node is IElement { LocalName: "script" or "style" or "noscript" or "svg" or "template" }))
        {
            if (node is IElement { LocalName: "h1" })
            {
                // The next headline starts other content: stop looking.
                return null;
            }

            if (node.NodeType != NodeType.Text)
            {
                continue;
            }

            var text = node.TextContent.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            nodes++;
            scanned += text.Length;
            if (text.Length > MaxLineLength)
            {
                // Running text: a standfirst may sit between headline and date line, the second paragraph is the body.
                if (++paragraphs == 2)
                {
                    return null;
                }

                continue;
            }

            var label = LabelOf(text);
            if (ParseDay(text, monthFirst) is { } day)
            {
                return new Line(day, ParseTime(text), label == Label.None ? pendingLabel : label);
            }

            pendingLabel = label;
        }

        return null;
    }

    /// <summary>The next node in document order; with <paramref name="skipChildren"/>, the node's own subtree is passed over.</summary>
    private static INode? Next(INode node, bool skipChildren)
    {
        if (!skipChildren && node.FirstChild is { } child)
        {
            return child;
        }

        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }
        }

        return null;
    }

    private static Label LabelOf(string text)
    {
        if (UpdatedLabelRegex().IsMatch(text))
        {
            return Label.Updated;
        }

        return PublishedLabelRegex().IsMatch(text) ? Label.Published : Label.None;
    }

    private static DateOnly? ParseDay(string text, bool monthFirst)
    {
        if (HtmlDateParser.ParseText(text, monthFirst) is { } date)
        {
            return DateOnly.FromDateTime(date.Value.DateTime);
        }

        // "10.12.19": a two-digit year is only trusted when the line is nothing but the date.
        var shortYear = ShortYearRegex().Match(text);
        if (shortYear.Success)
        {
            var day = int.Parse(shortYear.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            var month = int.Parse(shortYear.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            var year = 2000 + int.Parse(shortYear.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            if (HtmlDateParser.ValidDay(year, month, day))
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static int? ParseTime(string text)
    {
        var match = TimeRegex().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var meridiem = match.Groups["ampm"].Value.ToLowerInvariant();
        if (meridiem.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? (hour * 60) + minute : null;
    }

    [GeneratedRegex(@"\b(?:updated|last\s+updated|last\s+modified|modified|aktualisiert|actualizado|actualizada|atualizado|atualizada|mis\s+à\s+jour|aggiornato|bijgewerkt|päivitetty)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedLabelRegex();

    [GeneratedRegex(@"\b(?:published|posted|publiziert|veröffentlicht|publicado|publicada|publié|pubblicato|gepubliceerd|julkaistu)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLabelRegex();

    [GeneratedRegex(@"^\s*(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYearRegex();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})[:h](?<m>\d{2})(?!\d)\s*(?<ampm>[ap]\.?m\.?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();
}

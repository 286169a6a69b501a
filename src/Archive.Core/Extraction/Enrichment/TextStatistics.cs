using System.Globalization;

namespace Archive.Core.Extraction.Enrichment;

/// <summary>Word counting, derived titles and lead summaries.</summary>
internal static class TextStatistics
{
    private const int MaxDerivedTitle = 110;
    private const int MaxSummary = 320;

    /// <summary>
    /// Words: runs of letters and digits (apostrophes, hyphens and dots inside a word keep it whole); in scripts
    /// written without spaces (Han, Kana, Thai) every character counts as a word.
    /// </summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnspacedScript(c))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c) || (inWord && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                count += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                // "don't", "well-known", "3.5", "1,000" stay one word: a joiner between two word characters.
                inWord = inWord && c is '\'' or '-' or '.' or ',' or '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !IsUnspacedScript(text[i + 1]);
            }
        }

        return count;
    }

    /// <summary>A headline made from the body's first sentence, cut at a clause boundary when long.</summary>
    public static string DeriveTitle(string body)
    {
        var firstBreak = body.IndexOf("\n\n", StringComparison.Ordinal);
        var firstParagraph = firstBreak < 0 ? body : body[..firstBreak];
        var sentence = FirstSentence(firstParagraph);
        if (sentence.Length <= MaxDerivedTitle)
        {
            return sentence.TrimEnd('.', ' ');
        }

        // A clause boundary (comma, semicolon, colon, dash) between 30 and the limit.
        var best = -1;
        for (var i = 30; i < Math.Min(sentence.Length, MaxDerivedTitle); i++)
        {
            var c = sentence[i];
            if ((c is ',' or ';' or ':' && i + 1 < sentence.Length && sentence[i + 1] == ' ')
                || (c is '—' or '–' && i > 0 && sentence[i - 1] == ' '))
            {
                best = i;
                break;
            }
        }

        if (best > 0)
        {
            return sentence[..best].TrimEnd(' ', ',', ';', ':', '—', '–');
        }

        var cut = sentence.LastIndexOf(' ', MaxDerivedTitle - 1);
        return (cut > 20 ? sentence[..cut] : sentence[..(MaxDerivedTitle - 1)]).TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>The lead: the first paragraph of some substance, cut at sentence ends to fit.</summary>
    public static string? Lead(string body)
    {
        string? lead = null;
        string? first = null;
        var position = 0;
        while (position < body.Length)
        {
            var end = body.IndexOf("\n\n", position, StringComparison.Ordinal);
            var paragraph = body[position..(end < 0 ? body.Length : end)];
            first ??= paragraph;
            if (CountWords(paragraph) >= 12)
            {
                lead = paragraph;
                break;
            }

            if (end < 0)
            {
                break;
            }

            position = end + 2;
        }

        lead ??= first;
        if (string.IsNullOrWhiteSpace(lead))
        {
            return null;
        }

        if (lead.Length <= MaxSummary)
        {
            return lead;
        }

        var summary = string.Empty;
        var rest = lead;
        while (rest.Length > 0)
        {
            var sentence = FirstSentence(rest);
            if (summary.Length + sentence.Length + 1 > MaxSummary)
            {
                break;
            }

            summary = summary.Length == 0 ? sentence : summary + " " + sentence;
            rest = rest[Math.Min(rest.Length, sentence.Length)..].TrimStart();
        }

        if (summary.Length > 0)
        {
            return summary;
        }

        var cut = lead.LastIndexOf(' ', MaxSummary - 1);
        return lead[..(cut > 40 ? cut : MaxSummary - 1)].TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>The first sentence: up to a ., ! or ? followed by a space and not ending an abbreviation or initial.</summary>
    public static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '。' or '！' or '？'))
            {
                continue;
            }

            if (c is '。' or '！' or '？')
            {
                return text[..(i + 1)];
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '”' or '’' or ')' or '»')
            {
                end++;
            }

            if (end < text.Length && text[end] != ' ')
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            return text[..end].Trim();
        }

        return text.Trim();
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, dot - start);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return word switch
        {
            "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "St" or "Jr" or "Sr" or "Gen" or "Col" or "Lt" or "Sgt" or "Capt" or "Gov" or "Sen"
                or "Rep" or "Inc" or "Ltd" or "Co" or "Corp" or "No" or "vs" or "etc" or "approx" or "Jan" or "Feb" or "Mar" or "Apr" or "Aug"
                or "Sep" or "Sept" or "Oct" or "Nov" or "Dec" or "U" or "S" or "e" or "i" or "g" => true,
            _ => false,
        };
    }

    private static bool IsUnspacedScript(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3040' and <= '\u30FF' or >= '\u0E00' and <= '\u0E7F';
}

using System.Globalization;
using System.Runtime.Intrinsics;

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
        var inWord = 0;
        var kinds = AsciiKinds;
        var i = 0;
        while (i < text.Length)
        {
            // Whole blocks of plain text at once; a block with anything else goes by the character rules.
            if (Vector256.IsHardwareAccelerated && i + CharBlocks.Width <= text.Length && CountBlock(text, i, ref count, ref inWord))
            {
                i += CharBlocks.Width;
                continue;
            }

            for (var end = Math.Min(i + CharBlocks.Width, text.Length); i < end; i++)
            {
                var c = text[i];
                if (c < 128)
                {
                    // Without branches on the letters themselves (word ends are unpredictable): no ASCII character is a
                    // mark or unspaced; a joiner keeps the word only between two of its characters.
                    var kind = kinds[c];
                    var letter = kind & 1;
                    count += letter & (inWord ^ 1);
                    inWord = kind == 2 && inWord == 1
                        ? (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !IsUnspacedScript(text[i + 1]) ? 1 : 0)
                        : letter;
                    continue;
                }

                if (IsUnspacedScript(c))
                {
                    count++;
                    inWord = 0;
                    continue;
                }

                if (char.IsLetterOrDigit(c) || (inWord == 1 && char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
                {
                    count += inWord ^ 1;
                    inWord = 1;
                }
                else if (!(inWord == 1 && c == '’' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !IsUnspacedScript(text[i + 1])))
                {
                    // "don't", "well-known", "3.5", "1,000" stay one word.
                    inWord = 0;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Counts the words of the 16 characters at <paramref name="i"/> at once when they are all ASCII or punctuation
    /// that is no letter, digit or mark (General Punctuation, no-break space, guillemets); false, with nothing counted,
    /// otherwise. A joiner (' - . , ’) stays in a word when a word character precedes it and a letter or digit follows
    /// (never two joiners in a row: the first is not followed by a letter or digit); a word starts at a letter or digit
    /// outside a word.
    /// </summary>
    private static bool CountBlock(string text, int i, ref int count, ref int inWord)
    {
        var v = CharBlocks.Load(text, i);
        var plain = Vector256.LessThan(v, Vector256.Create((ushort)0x80))
            | Vector256.LessThan(v - Vector256.Create((ushort)0x2000), Vector256.Create((ushort)0x70))
            | Vector256.Equals(v, Vector256.Create((ushort)0xA0)) | Vector256.Equals(v, Vector256.Create((ushort)0xAB)) | Vector256.Equals(v, Vector256.Create((ushort)0xBB));
        if (plain != Vector256<ushort>.AllBitsSet)
        {
            return false;
        }

        var alnum = CharBlocks.AsciiLetters(v) | CharBlocks.AsciiDigits(v);
        var joiners = (Vector256.Equals(v, Vector256.Create((ushort)'\'')) | Vector256.Equals(v, Vector256.Create((ushort)'-'))
            | Vector256.Equals(v, Vector256.Create((ushort)'.')) | Vector256.Equals(v, Vector256.Create((ushort)','))
            | Vector256.Equals(v, Vector256.Create((ushort)'\u2019'))).ExtractMostSignificantBits();

        // The characters a letter or digit follows; past the block, the next character decides.
        var followed = alnum >> 1;
        if ((joiners & 0x8000) != 0 && i + CharBlocks.Width < text.Length && char.IsLetterOrDigit(text[i + CharBlocks.Width]) && !IsUnspacedScript(text[i + CharBlocks.Width]))
        {
            followed |= 0x8000;
        }

        var word = alnum | (joiners & followed & ((alnum << 1) | (uint)inWord));
        count += System.Numerics.BitOperations.PopCount(alnum & ~((word << 1) | (uint)inWord) & 0xFFFF);
        inWord = (int)((word >> 15) & 1);
        return true;
    }

    /// <summary>For each ASCII character: 1 a letter or digit, 2 a joiner inside a word ("'", "-", ".", ","), 0 anything else.</summary>
    private static ReadOnlySpan<byte> AsciiKinds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 2, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

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

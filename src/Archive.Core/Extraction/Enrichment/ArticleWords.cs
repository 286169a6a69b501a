namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// The words of a headline and its body, read once and shared by the keyword counter and the entity extractor: each
/// word a position in its text (a word starts at a letter and runs over letters, digits, combining marks, and the
/// joiners - ' ’ . &amp; between two of them). The headline's words come first. This is the one definition of a word
/// that keywords and entities read.
/// </summary>
internal sealed class ArticleWords
{
    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create(".!?\n:;\"“”«»");

    private ArticleWords(string? title, string body, List<Word> words, int titleCount)
    {
        (Title, Body, Words, TitleCount) = (title, body, words, titleCount);
    }

    public string? Title { get; }

    public string Body { get; }

    /// <summary>How many of the words are the headline's (they come first).</summary>
    public int TitleCount { get; }

    /// <summary>Every word, the headline's first.</summary>
    public List<Word> Words { get; }

    /// <summary>Reads the words of <paramref name="title"/> (when there is one) and <paramref name="body"/>.</summary>
    public static ArticleWords Read(string? title, string body)
    {
        // Each text's first word starts a sentence after a break, as the body's would after "headline.\n\n".
        var words = new List<Word>();
        if (title is not null)
        {
            Tokenize(title, words);
        }

        var titleCount = words.Count;
        Tokenize(body, words);
        return new ArticleWords(title, body, words, titleCount);
    }

    /// <summary>
    /// The words of <paramref name="text"/> with what the span logic needs (capitalization, a break or a sentence start
    /// before) and what lets the keyword counter take a word as it is (<see cref="Word.Simple"/>).
    /// </summary>
    private static void Tokenize(string text, List<Word> tokens)
    {
        var i = 0;
        var previousEnd = 0;
        var first = true;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasDigit = false;
            var simple = true;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    hasDigit |= char.IsAsciiDigit(c);
                    i++;
                    continue;
                }

                // Most words end at a space or a line break.
                if (c <= ' ')
                {
                    break;
                }

                // No character below U+0300 is a nonspacing mark: Latin-1 skips the category look-up.
                if (char.IsLetterOrDigit(c) || (c >= '\u0300' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
                {
                    hasDigit |= char.IsDigit(c);
                    simple = false;
                    i++;
                }
                else if ((c is '-' or '\'' or '’' or '.' or '&') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])
                    && !(c == '.' && i + 2 < text.Length && text[i + 2] != '.' && char.IsLower(text[i + 1])))
                {
                    simple = false;
                    i++;
                }
                else
                {
                    break;
                }
            }

            var length = i - start;
            var possessive = false;
            if (length > 2 && text[i - 1] == 's' && text[i - 2] is '\'' or '’')
            {
                length -= 2;
                possessive = true;
            }

            // Most words follow a single space: no break, no sentence start, no search.
            var gap = text.AsSpan(previousEnd, start - previousEnd);
            var singleSpace = gap.Length == 1 && gap[0] == ' ';
            var breakBefore = first || !singleSpace;
            var sentenceStart = first || (!singleSpace && gap.IndexOfAny(SentencePunctuation) >= 0);
            var capitalized = char.IsUpper(text[start]);
            tokens.Add(new Word(text.Substring(start, length), start, capitalized, capitalized && IsAllCaps(text.AsSpan(start, length)), breakBefore, sentenceStart, possessive, hasDigit, simple));
            previousEnd = i;
            first = false;
        }
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 2;
    }
}

/// <summary>
/// A word of the headline (the first <see cref="ArticleWords.TitleCount"/> words) or the body: its text (a possessive
/// "'s" left out) and where it starts; <see cref="Simple"/> when the word is ASCII letters and digits only.
/// </summary>
internal readonly record struct Word(string Text, int Start, bool Capitalized, bool AllCaps, bool BreakBefore, bool SentenceStart, bool Possessive, bool HasDigit, bool Simple)
{
    public int Length => Text.Length;

    /// <summary>Where the word ends in the source, its possessive "'s" included.</summary>
    public int RawEnd => Start + Length + (Possessive ? 2 : 0);
}

namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// The words of a headline and its body, read once and shared by the keyword counter and the entity extractor: each
/// word a position in its text (a word starts at a letter and runs over letters, digits, combining marks, and the
/// joiners - ' ’ . &amp; between two of them). The headline's words come first. The list is reused by the thread:
/// <see cref="Read"/> and <see cref="Return"/> come in pairs.
/// </summary>
internal sealed class ArticleWords
{
    /// <summary>A longer list (a body of about 50,000 characters) is not kept between calls: at most about 200 KB per thread.</summary>
    private const int MaxReusedWords = 8 * 1024;

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create(".!?\n:;\"“”«»");

    [ThreadStatic]
    private static ArticleWords? cached;

    private readonly List<Word> words = new(256);

    private ArticleWords()
    {
    }

    public string? Title { get; private set; }

    public string Body { get; private set; } = string.Empty;

    /// <summary>How many of the words are the headline's (they come first).</summary>
    public int TitleCount { get; private set; }

    /// <summary>Every word, the headline's first.</summary>
    public List<Word> Words => words;

    /// <summary>Reads the words of <paramref name="title"/> (when there is one) and <paramref name="body"/>.</summary>
    public static ArticleWords Read(string? title, string body)
    {
        var article = cached ?? new ArticleWords();
        cached = null;
        article.Title = title;
        article.Body = body;

        // Each text's first word starts a sentence after a break, as the body's would after "headline.\n\n".
        if (title is not null)
        {
            Tokenize(title, article.words);
        }

        article.TitleCount = article.words.Count;
        Tokenize(body, article.words);
        return article;
    }

    /// <summary>Gives the list back to the thread (the instance is not used after this).</summary>
    public void Return()
    {
        words.Clear();
        (Title, Body, TitleCount) = (null, string.Empty, 0);
        if (words.Capacity <= MaxReusedWords)
        {
            cached = this;
        }
    }

    /// <summary>
    /// The words of <paramref name="text"/> with what the span logic needs (capitalization, a break or a sentence start
    /// before) and what lets the keyword counter take a word as it is (<see cref="Word.Simple"/>).
    /// </summary>
    private static void Tokenize(string text, List<Word> tokens)
    {
        tokens.EnsureCapacity(tokens.Count + (text.Length / 6));
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
            tokens.Add(new Word(start, length, capitalized, capitalized && IsAllCaps(text.AsSpan(start, length)), breakBefore, sentenceStart, possessive, hasDigit, simple));
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
/// A word, as its place in its text (the headline's for the first <see cref="ArticleWords.TitleCount"/> words, else the
/// body's): a string is made only for the words that end up in a name or a keyword (most words, capitalized ones
/// included, are only looked up by span). It holds no reference, so storing one needs no write barrier, the reused list
/// is nothing for the garbage collector to scan, and clearing it only resets its count. <see cref="Length"/> leaves out
/// a possessive "'s"; <see cref="Simple"/> when the word is ASCII letters and digits only.
/// </summary>
internal readonly record struct Word(int Start, int Length, bool Capitalized, bool AllCaps, bool BreakBefore, bool SentenceStart, bool Possessive, bool HasDigit, bool Simple)
{
    /// <summary>Where the word ends in the source, its possessive "'s" included.</summary>
    public int RawEnd => Start + Length + (Possessive ? 2 : 0);
}

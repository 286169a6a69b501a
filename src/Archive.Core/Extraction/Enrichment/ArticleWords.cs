namespace Archive.Core.Extraction.Enrichment;

/// <summary>
/// The words of a headline and its body, read once and shared by the keyword counter and the entity extractor: each
/// word a position in its text (a word starts at a letter and runs over letters, digits, combining marks, and the
/// joiners - ' ’ . &amp; between two of them). The headline's words come first. The list is reused by the thread:
/// <see cref="Read"/> and <see cref="Return"/> come in pairs.
/// </summary>
internal sealed class ArticleWords
{
    /// <summary>A longer list (a body of about 60,000 characters) is not kept between calls: at most about 200 KB per thread.</summary>
    private const int MaxReusedWords = 12 * 1024;

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create(".!?\n:;\"“”«»");

    private const int RunFilterBits = 4096;

    [ThreadStatic]
    private static ArticleWords? cached;

    private readonly List<Word> words = new(256);

    /// <summary>A bit for each run of letters in the text (see <see cref="MayHaveLowercaseRun"/>).</summary>
    private readonly ulong[] runFilter = new ulong[RunFilterBits / 64];

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
        Array.Clear(article.runFilter);

        // Each text's first word starts a sentence after a break, as the body's would after "headline.\n\n".
        if (title is not null)
        {
            Tokenize(title, article.words, article.runFilter);
        }

        article.TitleCount = article.words.Count;
        Tokenize(body, article.words, article.runFilter);
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
    /// False only when no run of letters in the headline or the body equals <paramref name="lower"/> (a word of
    /// lowercase letters). A word of letters occurs bounded by non-letters exactly where it is a whole run; every run lies
    /// inside one of the words read (a word never ends before a letter, nor starts right after one), and each word's runs
    /// go into the filter as the word is read.
    /// </summary>
    public bool MayHaveLowercaseRun(ReadOnlySpan<char> lower)
    {
        var bit = RunKey(lower);
        return (runFilter[bit >> 6] & (1UL << bit)) != 0;
    }

    private static void AddRuns(ulong[] filter, ReadOnlySpan<char> word)
    {
        var i = 0;
        while (i < word.Length)
        {
            if (!char.IsLetter(word[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < word.Length && char.IsLetter(word[i]))
            {
                i++;
            }

            AddRun(filter, word[start..i]);
        }
    }

    private static void AddRun(ulong[] filter, ReadOnlySpan<char> run)
    {
        var bit = RunKey(run);
        filter[bit >> 6] |= 1UL << bit;
    }

    /// <summary>A run's bit in the filter: from its length and its first, middle and last characters.</summary>
    private static int RunKey(ReadOnlySpan<char> run)
    {
        const uint Mix = 0x9E3779B1u;
        var ends = (uint)(run[0] | (run[^1] << 16)) * Mix;
        var middle = (uint)(run.Length | (run[run.Length >> 1] << 16)) * 0x85EBCA77u;
        return (int)(((ends ^ middle) * Mix) >> 20);
    }

    /// <summary>
    /// The words of <paramref name="text"/> with what the span logic needs (capitalization, a break or a sentence start
    /// before) and what lets the keyword counter take a word as it is (<see cref="Word.Simple"/>).
    /// </summary>
    private static void Tokenize(string text, List<Word> tokens, ulong[] runFilter)
    {
        // Room for a word every five characters (news prose has one every five to six): the list grows rarely.
        tokens.EnsureCapacity(tokens.Count + (text.Length / 5));
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
            if (simple && !hasDigit)
            {
                // ASCII letters only: one run, the whole word. A capitalized one starts with an ASCII capital, which no
                // lowercase word does.
                if (!capitalized)
                {
                    AddRun(runFilter, text.AsSpan(start, length));
                }
            }
            else
            {
                // Digits, joiners, marks and a possessive split the others into several runs.
                AddRuns(runFilter, text.AsSpan(start, i - start));
            }

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

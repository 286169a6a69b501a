using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>
/// The per-item scoring rules of the extraction benchmark: title equality after normalization, the publication day,
/// and gold-author surnames.
/// </summary>
public static partial class ExtractionScorer
{
    /// <summary>
    /// HTML-unescape, NFKC, typographic quotes to ASCII, dashes to "-", whitespace collapsed, and (when
    /// <paramref name="foldCase"/>) lower-cased.
    /// </summary>
    public static string NormalizeTitle(string? title, bool foldCase = true)
    {
        if (string.IsNullOrEmpty(title))
        {
            return string.Empty;
        }

        var text = WebUtility.HtmlDecode(title).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '`' or '\u2039' or '\u203A' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => c,
            });
        }

        var collapsed = WhitespaceRegex().Replace(builder.ToString(), " ").Trim();
        return foldCase ? collapsed.ToLowerInvariant() : collapsed;
    }

    /// <summary>True when the titles are equal after <see cref="NormalizeTitle"/>.</summary>
    public static bool TitleMatches(string? predicted, string? gold, bool foldCase = true) =>
        !string.IsNullOrWhiteSpace(predicted) && NormalizeTitle(predicted, foldCase) == NormalizeTitle(gold, foldCase);

    /// <summary>The first ten characters of the ISO 8601 form (the calendar day in the offset the source gave).</summary>
    public static string? DateKey(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True when the predicted publication day equals the gold YYYY-MM-DD.</summary>
    public static bool DateMatches(DateTimeOffset? predicted, string? gold) =>
        predicted is not null && !string.IsNullOrEmpty(gold) && DateKey(predicted) == gold.Trim()[..Math.Min(10, gold.Trim().Length)];

    /// <summary>The gold author string split into people ("A and B", "A, B", "A; B", "A / B", "A und B", "A &amp; B").</summary>
    public static IReadOnlyList<string> SplitGoldAuthors(string? gold)
    {
        if (string.IsNullOrWhiteSpace(gold))
        {
            return [];
        }

        return AuthorSplitRegex().Split(gold).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    /// <summary>The word tokens of a text after NFKC, HTML-unescape and case folding.</summary>
    public static IReadOnlyList<string> NameTokens(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : WordRegex().Matches(WebUtility.HtmlDecode(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant()).Select(m => m.Value).ToList();

    /// <summary>True when every gold author's surname (the last word of the name) is a word of some predicted author.</summary>
    public static bool AuthorMatches(IReadOnlyList<string> predicted, string? gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        var people = SplitGoldAuthors(gold);
        if (people.Count == 0)
        {
            return predicted.Count == 0;
        }

        var tokens = predicted.SelectMany(NameTokens).ToHashSet(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var words = NameTokens(person);
            if (words.Count == 0 || !tokens.Contains(words[^1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whitespace runs collapsed to one space, trimmed: how body text and snippets are compared.</summary>
    public static string CollapseWhitespace(string? text) => string.IsNullOrEmpty(text) ? string.Empty : WhitespaceRegex().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\s*(?:;|,|\s/\s|\s&\s|\s(?:and|und|et|y)\s)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorSplitRegex();
}

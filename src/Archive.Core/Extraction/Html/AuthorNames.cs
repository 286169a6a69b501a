using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Cleans byline strings into person names: drops "By"/"Von"/"Por"/"Par", roles, e-mail addresses, dates, URLs and
/// site names, and splits on the usual joiners (",", ";", "and", "und", "y", "et", "&amp;", "/").
/// </summary>
internal static partial class AuthorNames
{
    /// <summary>Longer values are not bylines (and would make the pattern matching slow).</summary>
    private const int MaxLength = 300;

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "writer", "editor", "reporter", "correspondent", "staff", "contributor", "columnist", "photographer", "journalist",
        "redakteur", "redakteurin", "redaktion", "korrespondent", "korrespondentin", "corresponsal", "redacción", "redaccion",
        "rédaction", "redacao", "redação", "editorial", "bureau", "newsroom", "team", "desk", "author", "autor", "autorin",
        "auteur", "published", "updated", "posted", "written", "contributing", "senior", "associate", "chief", "managing",
        "guest", "admin", "administrator", "press", "agency", "agencia", "agencias", "agence", "contributors", "editors",
        "staffer", "producer", "host", "anchor", "analyst", "fellow", "intern", "freelance", "freelancer", "photo", "photos",
        "video", "fotos", "foto", "illustration", "read", "more", "follow", "view", "all", "posts", "articles", "profile",
        "email", "twitter", "facebook", "instagram", "linkedin", "comments", "comment", "share", "minute", "minutes", "min",
    };

    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "von", "por", "par", "de", "door", "av", "di", "da", "und", "and", "y", "et", "e", "text", "texto", "texte",
        "redaktion", "unknown", "anonymous", "admin", "null", "none", "n/a", "staff", "editor", "guest", "author",
    };

    /// <summary>Splits and cleans one raw author value; the site name (when known) is never returned as a person.</summary>
    public static List<string> Clean(string? raw, string? siteName)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxLength)
        {
            return names;
        }

        var text = WhitespaceRegex().Replace(raw, " ").Trim();
        if (LooksLikeUrl(text) || (!string.IsNullOrEmpty(siteName) && string.Equals(Squash(text), Squash(siteName), StringComparison.OrdinalIgnoreCase)))
        {
            return names;
        }

        text = EmailRegex().Replace(text, " ");
        text = HandleRegex().Replace(text, " ");
        var pipe = text.IndexOfAny(['|', '•', '·']);
        if (pipe > 0)
        {
            text = text[..pipe];
        }

        text = DateTailRegex().Replace(text, " ");
        text = ForTailRegex().Replace(text, string.Empty);
        foreach (var piece in SplitRegex().Split(text))
        {
            var name = PrefixRegex().Replace(piece, string.Empty);
            name = name.Trim(' ', '.', ',', ':', ';', '-', '–', '—', '(', ')', '"', '\'', '*', '/', '@');
            if (piece.TrimEnd().EndsWith('.') && name.Length > 0 && name.Split(' ')[^1].Length == 1)
            {
                name += ".";
            }

            if (IsName(name, siteName) && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static bool LooksLikeUrl(string text) =>
        text.StartsWith("http", StringComparison.OrdinalIgnoreCase) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
        (text.Contains('/', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal));

    private static bool IsName(string name, string? siteName)
    {
        if (name.Length < 2 || name.Length > 60 || Fillers.Contains(name))
        {
            return false;
        }

        if (name.Any(char.IsDigit) || name.Contains("http", StringComparison.OrdinalIgnoreCase) || name.Contains(".com", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 5 || words.Any(RoleWords.Contains))
        {
            return false;
        }

        if (!char.IsLetter(name[0]))
        {
            return false;
        }

        var squashed = Squash(name);
        var site = string.IsNullOrEmpty(siteName) ? string.Empty : Squash(DomainSuffixRegex().Replace(WwwRegex().Replace(siteName, string.Empty), string.Empty));
        if (site.Length > 0 && (string.Equals(squashed, site, StringComparison.OrdinalIgnoreCase) ||
                                (site.Length > 3 && squashed.Contains(site, StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }

        return true;
    }

    private static string Squash(string value) => new([.. value.Where(char.IsLetterOrDigit)]);

    [GeneratedRegex(@"\.(?:com|net|org|co|info|news|de|fr|es|it|pt|br|uk|at|ch|fi|nl|pe|ve|uy|cl|tn|cz|xyz|io|eu|me)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainSuffixRegex();

    [GeneratedRegex(@"^(?:https?://)?www\.", RegexOptions.IgnoreCase)]
    private static partial Regex WwwRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<!\w)@\w+")]
    private static partial Regex HandleRegex();

    [GeneratedRegex(@"(?:,|\s)\s*(?:(?:published|updated|posted|veröffentlicht|publicado|publié|aktualisiert)\b.*|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.*|\d{4}-\d{2}-\d{2}.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateTailRegex();

    [GeneratedRegex(@"\s+(?:for|für|pour|para)\s+(?:the\s+)?\p{Lu}.*$")]
    private static partial Regex ForTailRegex();

    [GeneratedRegex(@"\s*(?:,|;|/|&|\+|\s(?:and|und|y|et|e|og|en|ja|i)\s)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex SplitRegex();

    [GeneratedRegex(@"^\s*(?:(?:written|posted|published|reported|text|texto|texte|story|words|interview|photos?|fotos?)\s+)?(?:by|von|por|par|de|door|av|di|da|from|text|texto|autor|autorin|author|auteur|redacción)\s*:?\s+|^\s*(?:by|von|por|par|autor|author|auteur)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PrefixRegex();
}

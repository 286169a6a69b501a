using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Text;

/// <summary>
/// Turns byline text into clean person names: no "By", no "Read more", no roles, e-mails, handles or dates; several
/// names split on commas, "and" (and its French, German, Spanish, Portuguese, Italian, Dutch and Russian forms), "&amp;",
/// "/" and ";". Filler such as "Admin", "Staff" or a site name is dropped.
/// </summary>
internal static partial class AuthorNames
{
    /// <summary>Words that make a segment a role or a filler, never a name.</summary>
    private static readonly FrozenSet<string> RoleWords = FrozenSet.ToFrozenSet(
        [
            "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
            "columnist", "contributor", "contributors", "journalist", "journalists", "photographer", "photographers",
            "producer", "analyst", "senior", "chief", "bureau", "desk", "team", "newsroom", "editorial", "contributing",
            "associate", "deputy", "managing", "executive", "political", "economics", "business", "sports", "science",
            "technology", "health", "foreign", "national", "international", "special", "freelance", "guest", "intern",
            "author", "authors", "admin", "administrator", "webmaster", "moderator", "redaktion", "rédaction", "redacción",
            "redação", "redazione", "agencies", "agency", "wires", "wire", "news", "press", "media", "published",
            "updated", "posted", "anonymous", "unknown", "user", "owner", "microsoft", "office", "windows", "sources",
            "correspondant", "envoyé", "envoyée", "journaliste", "korrespondent", "korrespondentin", "redakteur",
            "redakteurin", "corresponsal", "periodista", "корреспондент", "редакция", "обозреватель", "journalism",
            "opinion", "commentary", "video", "photos", "photo", "images", "graphics", "illustration",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Lowercase name particles that may stand inside a name.</summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "ten", "zu", "bin", "bint", "ibn", "al", "el", "y", "e", "af", "av", "st."],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> Honorifics = FrozenSet.ToFrozenSet(
        ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "rev", "herr", "frau", "m", "mme", "mlle", "sr", "sra", "srta", "dott", "dott.ssa"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Clean names from a byline or an author field; empty when none is a plausible name.</summary>
    public static List<string> Parse(string? raw)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 500)
        {
            return names;
        }

        var text = Prepare(raw);
        var reversed = ReversedName().Match(text);
        if (reversed.Success)
        {
            text = reversed.Groups["given"].Value + " " + reversed.Groups["family"].Value;
        }

        foreach (var part in Separators().Split(text))
        {
            if (CleanOne(part) is { } name && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Adds the names of <paramref name="raw"/> to <paramref name="into"/>, skipping duplicates.</summary>
    public static void AddTo(List<string> into, string? raw)
    {
        foreach (var name in Parse(raw))
        {
            if (!into.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(name);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> alone reads as a person's name (2 to 4 capitalized words, particles allowed,
    /// no digits, no role words). Used for bare byline lines, so it is strict.
    /// </summary>
    public static bool LooksLikeBareName(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is < 4 or > 60)
        {
            return false;
        }

        var tokens = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is < 2 or > 4)
        {
            return false;
        }

        var capitalized = 0;
        foreach (var token in tokens)
        {
            if (Particles.Contains(token))
            {
                continue;
            }

            if (!IsNameToken(token) || RoleWords.Contains(token.TrimEnd('.')))
            {
                return false;
            }

            capitalized++;
        }

        return capitalized >= 2;
    }

    /// <summary>One clean name, or null.</summary>
    public static string? CleanOne(string raw)
    {
        var text = WhiteSpace().Replace(raw, " ").Trim(' ', ',', ';', ':', '-', '–', '—', '|', '/', '.', '·', '•', '*', '"', '\'', '“', '”');
        text = LeadingPrefix().Replace(text, string.Empty).Trim();
        if (text.Length < 2)
        {
            return null;
        }

        var tokens = new List<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // Drop honorifics in front and role words at either end ("Senior Reporter Jane Doe", "Jane Doe, Staff Writer").
        while (tokens.Count > 0 && (Honorifics.Contains(tokens[0].TrimEnd('.')) || RoleWords.Contains(tokens[0])))
        {
            tokens.RemoveAt(0);
        }

        while (tokens.Count > 0 && (RoleWords.Contains(tokens[^1].TrimEnd('.', ',')) || Particles.Contains(tokens[^1])))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        // One word is a site, an agency or a first name alone, not a byline this archive can use.
        if (tokens.Count is 0 or > 5 || (tokens.Count == 1 && HasCasedLetter(tokens[0])))
        {
            return null;
        }

        var letters = 0;
        var hasCapital = false;
        foreach (var token in tokens)
        {
            if (RoleWords.Contains(token.Trim('.', ',')))
            {
                return null;
            }

            if (Particles.Contains(token))
            {
                continue;
            }

            if (!IsNameToken(token) && !IsInitial(token))
            {
                return null;
            }

            letters += token.Length;
            if (char.IsUpper(token[0]))
            {
                hasCapital = true;
            }
        }

        // Uncased scripts (CJK, Arabic, ...) have no capitals; cased ones need one.
        if (letters < 2 || (!hasCapital && tokens.Exists(t => HasCasedLetter(t))))
        {
            return null;
        }

        var name = string.Join(' ', tokens);
        if (IsAllCaps(name) && name.Length > 3)
        {
            name = ToTitleCase(name);
        }

        return name;
    }

    private static string Prepare(string raw)
    {
        var text = WhiteSpace().Replace(raw, " ");
        text = Emails().Replace(text, " ");
        text = Brackets().Replace(text, " ");
        text = Urls().Replace(text, " ");
        text = Handles().Replace(text, " ");
        text = Parenthesized().Replace(text, " ");
        text = LeadingPrefix().Replace(text.Trim(), string.Empty);
        text = Tail().Replace(text, string.Empty);

        // "Jane Doe | Site" / "Jane Doe - Site": the part after a bar is never an author.
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar > 0)
        {
            text = text[..bar];
        }

        var dash = DashSite().Match(text);
        if (dash.Success && dash.Index > 0)
        {
            text = text[..dash.Index];
        }

        // Dates and times are never part of a name.
        text = DigitsTail().Replace(text, string.Empty);
        return text.Trim();
    }

    private static bool IsNameToken(string token)
    {
        var core = token.TrimEnd('.', ',');
        if (core.Length == 0 || !char.IsLetter(core[0]))
        {
            return false;
        }

        foreach (var c in core)
        {
            if (!(char.IsLetter(c) || c is '-' or '\'' or '’' or '.' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                return false;
            }
        }

        return !HasCasedLetter(core) || char.IsUpper(core[0]) || core.Contains('\'', StringComparison.Ordinal);
    }

    private static bool IsInitial(string token) => token.Length is 2 && char.IsUpper(token[0]) && token[1] == '.';

    private static bool HasCasedLetter(string token)
    {
        foreach (var c in token)
        {
            if (char.IsUpper(c) || char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllCaps(string text)
    {
        var any = false;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            any |= char.IsUpper(c);
        }

        return any;
    }

    private static string ToTitleCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            builder.Append(startOfWord ? c : char.ToLowerInvariant(c));
            startOfWord = c is ' ' or '-' or '\'';
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<family>\p{Lu}[\p{L}'’-]+),\s*(?<given>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.?)?)$")]
    private static partial Regex ReversedName();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Emails();

    [GeneratedRegex(@"<\s*>|[<>{}""“”«»]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Urls();

    [GeneratedRegex(@"(?<!\w)@\w+")]
    private static partial Regex Handles();

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"^(?:(?:written|words|reporting|report|story|text|article|photos?|compiled|edited|posted|published|published by|posted by)\s+by|by|author(?:s|\(s\))?|byline|par|von|por|door|автор(?:ы)?|texto|text|texte)\s*[:\-–—]?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPrefix();

    [GeneratedRegex(@"\s*(?:\b(?:read more|more articles|more stories|more from|more by|more posts|view all|view profile|see all|see more|all posts|all articles|full bio|follow(?: on| me| him| her)?|profile|biography|e-?mail(?: the author)?|contact|updated|published|posted|last modified|mis à jour|publié|aktualisiert|veröffentlicht|actualizado|publicado|обновлено|опубликовано)\b.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tail();

    [GeneratedRegex(@"\s+[-–—]\s+")]
    private static partial Regex DashSite();

    [GeneratedRegex(@"[\s,|·•]*\d.*$")]
    private static partial Regex DigitsTail();

    [GeneratedRegex(@"\s*(?:,|;|&|/|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bed\b|\ben\b|\bи\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}

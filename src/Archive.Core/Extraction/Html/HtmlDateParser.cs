using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Html;

/// <summary>
/// Parses the date strings pages carry: ISO 8601 (offset kept as written), RFC 1123, numeric day-month-year forms and
/// written dates with month names in English, German, French, Spanish, Portuguese, Italian, Dutch and Finnish.
/// A date without a time is midnight UTC with <see cref="HtmlDate.DateOnly"/> set. Never throws.
/// </summary>
internal static partial class HtmlDateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>Parses a machine-readable value (a datetime attribute or a meta content).</summary>
    public static HtmlDate? ParseMachine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length > 200)
        {
            text = text[..200];
        }

        var iso = IsoRegex().Match(text);
        if (iso.Success)
        {
            return FromIso(iso);
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rfc))
        {
            return new HtmlDate(rfc, false);
        }

        var compact = CompactRegex().Match(text);
        if (compact.Success)
        {
            return Make(int.Parse(compact.Groups["y"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(compact.Groups["m"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(compact.Groups["d"].ValueSpan, CultureInfo.InvariantCulture));
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && epoch is > 631152000 and < 4102444800)
        {
            return new HtmlDate(DateTimeOffset.FromUnixTimeSeconds(epoch), false);
        }

        return ParseText(text, monthFirstNumeric: false);
    }

    /// <summary>Finds the first date written in running text ("October 16, 2019", "16. Oktober 2019", "16/10/2019").</summary>
    public static HtmlDate? ParseText(string? text, bool monthFirstNumeric)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > 2000)
        {
            text = text[..2000];
        }

        HtmlDate? best = null;
        var bestIndex = int.MaxValue;
        Consider(IsoRegex().Match(text), m => FromIso(m));
        Consider(MonthFirstRegex().Match(text), m => Named(m));
        Consider(DayFirstRegex().Match(text), m => Named(m));
        Consider(YearFirstNumericRegex().Match(text), m => Numeric(m, m.Groups["a"].Value, m.Groups["b"].Value, false));
        Consider(DayFirstNumericRegex().Match(text), m => Numeric(m, m.Groups["a"].Value, m.Groups["b"].Value, monthFirstNumeric));
        return best;

        void Consider(Match match, Func<Match, HtmlDate?> convert)
        {
            while (match.Success && match.Index < bestIndex)
            {
                if (convert(match) is { } date)
                {
                    best = date;
                    bestIndex = match.Index;
                    return;
                }

                match = match.NextMatch();
            }
        }
    }

    private static HtmlDate? Named(Match match)
    {
        var monthName = match.Groups["m"].Value.ToLowerInvariant().TrimEnd('.');
        if (!Months.TryGetValue(monthName, out var month))
        {
            return null;
        }

        return Make(int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture), month,
            int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture));
    }

    private static HtmlDate? Numeric(Match match, string first, string second, bool monthFirst)
    {
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var a = int.Parse(first, CultureInfo.InvariantCulture);
        var b = int.Parse(second, CultureInfo.InvariantCulture);
        if (match.Groups["ymd"].Success)
        {
            return Make(year, a, b);
        }

        if (a > 12)
        {
            return Make(year, b, a);
        }

        if (b > 12)
        {
            return Make(year, a, b);
        }

        return monthFirst ? Make(year, a, b) : Make(year, b, a);
    }

    private static HtmlDate? FromIso(Match match)
    {
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        if (!match.Groups["h"].Success)
        {
            return Make(year, month, day);
        }

        var hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["min"].ValueSpan, CultureInfo.InvariantCulture);
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var offset = TimeSpan.Zero;
        var zone = match.Groups["z"].Value;
        if (zone.Length > 1 && zone != "Z" && zone != "z")
        {
            var sign = zone[0] == '-' ? -1 : 1;
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var hours = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
            offset = sign * new TimeSpan(hours, minutes, 0);
        }

        if (hour > 23 || minute > 59 || second > 59 || Math.Abs(offset.TotalHours) > 14 || !ValidDay(year, month, day))
        {
            return Make(year, month, day);
        }

        return new HtmlDate(new DateTimeOffset(year, month, day, hour, minute, second, offset), false);
    }

    /// <summary>True when the numbers make a real calendar day in a plausible publication year (1990-2100).</summary>
    internal static bool ValidDay(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static HtmlDate? Make(int year, int month, int day) =>
        ValidDay(year, month, day) ? new HtmlDate(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), true) : null;

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio", "januari", "tammikuuta", "janv"],
            ["february", "feb", "februar", "février", "fevrier", "febrero", "fevereiro", "febbraio", "februari", "helmikuuta", "févr", "fev", "fév"],
            ["march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "maaliskuuta", "mär"],
            ["april", "apr", "avril", "abril", "aprile", "huhtikuuta", "avr", "abr"],
            ["may", "mai", "mayo", "maio", "maggio", "mei", "toukokuuta"],
            ["june", "jun", "juni", "juin", "junio", "junho", "giugno", "kesäkuuta"],
            ["july", "jul", "juli", "juillet", "julio", "julho", "luglio", "heinäkuuta", "juil"],
            ["august", "aug", "août", "aout", "agosto", "augustus", "elokuuta", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre", "syyskuuta", "set"],
            ["october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre", "lokakuuta", "okt", "out", "ott"],
            ["november", "nov", "novembre", "noviembre", "novembro", "marraskuuta"],
            ["december", "dec", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre", "joulukuuta", "dez", "déc", "dic"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                map.TryAdd(name, i + 1);
            }
        }

        return map;
    }

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?![0-9])(?:[T ](?<h>[0-9]{1,2}):(?<min>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,][0-9]+)?)?\s*(?<z>Z|z|[+-][0-9]{2}:?[0-9]{2}|[+-][0-9]{2}(?![0-9]))?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(?<y>(?:19|20)[0-9]{2})(?<m>[0-9]{2})(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactRegex();

    [GeneratedRegex(@"(?<![\p{L}])(?<m>\p{L}{3,12})\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirstRegex();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})(?:\.|º|°|er|st|nd|rd|th)?\s*(?:de\s+|of\s+)?(?<m>\p{L}{3,12})\.?,?\s+(?:de\s+|del\s+)?(?<y>(?:19|20)[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayFirstRegex();

    [GeneratedRegex(@"(?<![0-9])(?<ymd>)(?<y>(?:19|20)[0-9]{2})[/.](?<a>[0-9]{1,2})[/.](?<b>[0-9]{1,2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirstNumericRegex();

    [GeneratedRegex(@"(?<![0-9.])(?<a>[0-9]{1,2})[./-](?<b>[0-9]{1,2})[./-](?<y>(?:19|20)[0-9]{2})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstNumericRegex();
}

using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Core.Extraction.Text;

/// <summary>A calendar date found in text, with the time and offset written near it when there are any.</summary>
internal readonly record struct DateMatch(int Year, int Month, int Day, int Start, int End)
{
    public TimeSpan? Time { get; init; }

    public TimeSpan? Offset { get; init; }

    /// <summary>Where the date, time and offset together end.</summary>
    public int SpanEnd { get; init; }

    public bool SameDay(DateMatch other) => Year == other.Year && Month == other.Month && Day == other.Day;
}

/// <summary>A publication time as the contract wants it.</summary>
internal readonly record struct ParsedDate(DateTimeOffset Value, string? Precision, bool AssumedUtc);

/// <summary>
/// Finds and parses dates in free text and metadata values: ISO 8601, RFC 822, "11 January 2023", "March 3, 2021",
/// numeric forms, and month names in English, French, German, Spanish, Portuguese, Italian, Dutch, Russian, Ukrainian,
/// Polish, Turkish and Azerbaijani. A time and offset written after (or just before) the date are attached; the
/// offset is kept as written. A date alone becomes midnight UTC with precision "date"; a time without an offset is
/// taken as UTC and flagged so that the caller can warn.
/// </summary>
internal static partial class DateParser
{
    private static readonly FrozenDictionary<string, int> Months = BuildMonths();

    private static readonly FrozenDictionary<string, int> ZoneAbbreviations = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0, ["WEST"] = 60, ["BST"] = 60, ["CET"] = 60, ["CEST"] = 120,
        ["MEZ"] = 60, ["MESZ"] = 120, ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180, ["TRT"] = 180,
        ["GST"] = 240, ["IST"] = 330, ["PKT"] = 300, ["CST"] = -360, ["CDT"] = -300, ["EST"] = -300, ["EDT"] = -240,
        ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420, ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600,
        ["JST"] = 540, ["KST"] = 540, ["HKT"] = 480, ["SGT"] = 480, ["AWST"] = 480, ["ACST"] = 570, ["AEST"] = 600,
        ["AEDT"] = 660, ["NZST"] = 720, ["NZDT"] = 780, ["BRT"] = -180, ["ART"] = -180,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses a metadata value (ISO 8601, RFC 822, or any text holding one date); null when none is found.</summary>
    public static ParsedDate? ParseValue(string? value, bool monthFirst = false)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 400)
        {
            return null;
        }

        var match = FindFirst(value, monthFirst);
        return match is { } m ? ToParsed(m) : null;
    }

    /// <summary>The contract's form of a match: keeps the written offset; date only → midnight UTC, precision "date".</summary>
    public static ParsedDate? ToParsed(DateMatch match)
    {
        try
        {
            if (match.Time is { } time)
            {
                var offset = match.Offset ?? TimeSpan.Zero;
                var value = new DateTimeOffset(match.Year, match.Month, match.Day, 0, 0, 0, offset).Add(time);
                return new ParsedDate(value, null, match.Offset is null);
            }

            return new ParsedDate(new DateTimeOffset(match.Year, match.Month, match.Day, 0, 0, 0, TimeSpan.Zero), "date", false);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The first date in <paramref name="text"/>, with its time and offset.</summary>
    public static DateMatch? FindFirst(string text, bool monthFirst = false)
    {
        var all = FindAll(text, monthFirst);
        return all.Count > 0 ? all[0] : null;
    }

    /// <summary>
    /// Every date in <paramref name="text"/>, in order, without overlaps. A time (and offset) is attached to a date
    /// when it follows within a short window that holds no other, different date, or directly precedes it.
    /// </summary>
    public static List<DateMatch> FindAll(string text, bool monthFirst = false)
    {
        var dates = new List<DateMatch>();
        if (string.IsNullOrEmpty(text))
        {
            return dates;
        }

        // Every pattern holds a four-digit year: look only around years (the patterns are costly on long prose).
        foreach (var (start, length) in YearWindows(text))
        {
            Collect(dates, IsoDate(), text, start, length, IsoFromMatch);
            Collect(dates, DayMonthYear(), text, start, length, m => Textual(m, m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value));
            Collect(dates, MonthDayYear(), text, start, length, m => Textual(m, m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value));
            Collect(dates, NumericDate(), text, start, length, m => NumericFromMatch(m, monthFirst));
            Collect(dates, YearFirstNumeric(), text, start, length, m => Build(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
            Collect(dates, CjkDate(), text, start, length, m => Build(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value));
        }

        if (dates.Count == 0)
        {
            return dates;
        }

        dates.Sort((a, b) => a.Start.CompareTo(b.Start));
        RemoveOverlaps(dates);

        for (var i = 0; i < dates.Count; i++)
        {
            dates[i] = AttachTime(text, dates, i);
        }

        return dates;
    }

    private static void Collect(List<DateMatch> dates, Regex pattern, string text, int start, int length, Func<Match, DateMatch?> convert)
    {
        for (var match = pattern.Match(text, start, length); match.Success; match = match.NextMatch())
        {
            if (convert(match) is { } date && !dates.Exists(d => d.Start == date.Start && d.End == date.End))
            {
                dates.Add(date);
            }
        }
    }

    /// <summary>
    /// Windows of the text around each 19xx/20xx, widened to whitespace and merged when they overlap: a date
    /// ("3 de septiembre de 2021", "Wednesday, March 3, 2021") reaches at most 40 characters before its year.
    /// </summary>
    internal static List<(int Start, int Length)> YearWindows(string text)
    {
        var windows = new List<(int Start, int Length)>();
        var span = text.AsSpan();
        for (var i = 0; i + 3 < span.Length; i++)
        {
            var c = span[i];
            if (c is not ('1' or '2'))
            {
                continue;
            }

            if (!((c == '1' && span[i + 1] == '9') || (c == '2' && span[i + 1] == '0')) || !char.IsAsciiDigit(span[i + 2]) || !char.IsAsciiDigit(span[i + 3]))
            {
                continue;
            }

            var start = Math.Max(0, i - 40);
            while (start > 0 && !char.IsWhiteSpace(span[start - 1]) && i - start < 60)
            {
                start--;
            }

            var end = Math.Min(span.Length, i + 4 + 8);
            while (end < span.Length && !char.IsWhiteSpace(span[end]) && end - i < 40)
            {
                end++;
            }

            if (windows.Count > 0 && start <= windows[^1].Start + windows[^1].Length)
            {
                var previous = windows[^1];
                windows[^1] = (previous.Start, end - previous.Start);
            }
            else
            {
                windows.Add((start, end - start));
            }

            i += 3;
        }

        return windows;
    }

    private static void RemoveOverlaps(List<DateMatch> dates)
    {
        var kept = 0;
        for (var i = 0; i < dates.Count; i++)
        {
            if (kept > 0 && dates[i].Start < dates[kept - 1].End)
            {
                // Keep the longer of two overlapping matches.
                if (dates[i].End - dates[i].Start > dates[kept - 1].End - dates[kept - 1].Start)
                {
                    dates[kept - 1] = dates[i];
                }

                continue;
            }

            dates[kept++] = dates[i];
        }

        dates.RemoveRange(kept, dates.Count - kept);
    }

    private static DateMatch AttachTime(string text, List<DateMatch> dates, int index)
    {
        var date = dates[index];
        if (date.Time is not null)
        {
            if (date.Offset is null)
            {
                var isoOffsetEnd = date.End;
                var isoOffset = TryOffset(text, date.End, Math.Min(text.Length, date.End + 24) - date.End, ref isoOffsetEnd);
                return date with { Offset = isoOffset, SpanEnd = isoOffsetEnd };
            }

            return date with { SpanEnd = Math.Max(date.SpanEnd, date.End) };
        }

        // Window after the date: up to 48 characters, the line's end, or the next different date.
        var windowEnd = Math.Min(text.Length, date.End + 48);
        var newline = text.IndexOf('\n', date.End);
        if (newline >= 0 && newline < windowEnd)
        {
            windowEnd = newline;
        }

        for (var j = index + 1; j < dates.Count; j++)
        {
            if (dates[j].Start >= windowEnd)
            {
                break;
            }

            if (!dates[j].SameDay(date))
            {
                windowEnd = dates[j].Start;
                break;
            }
        }

        var searchFrom = date.End;

        // Skip over same-day repetitions ("2023-01-11 11 January 2023 17:39").
        for (var j = index + 1; j < dates.Count && dates[j].Start < windowEnd; j++)
        {
            if (dates[j].SameDay(date))
            {
                searchFrom = Math.Max(searchFrom, dates[j].End);
            }
        }

        if (searchFrom < windowEnd && TryTime(text, searchFrom, windowEnd - searchFrom, out var time, out var timeEnd))
        {
            var offsetEnd = timeEnd;
            var offset = TryOffset(text, timeEnd, Math.Min(text.Length, timeEnd + 24) - timeEnd, ref offsetEnd);
            return date with { Time = time, Offset = offset, SpanEnd = offsetEnd };
        }

        // A time just before the date: "17:39, 11 January 2023" / "4:05 PM | March 3, 2021".
        var beforeStart = Math.Max(0, date.Start - 20);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, date.Start - 1)) + 1;
        beforeStart = Math.Max(beforeStart, lineStart);
        if (index > 0)
        {
            beforeStart = Math.Max(beforeStart, dates[index - 1].SpanEnd);
        }

        if (beforeStart < date.Start && TryTime(text, beforeStart, date.Start - beforeStart, out var timeBefore, out _))
        {
            var offsetEnd = date.End;
            var offset = TryOffset(text, date.End, Math.Min(text.Length, date.End + 24) - date.End, ref offsetEnd);
            return date with { Time = timeBefore, Offset = offset, SpanEnd = offsetEnd };
        }

        var dateOnlyOffsetEnd = date.End;
        _ = TryOffset(text, date.End, Math.Min(text.Length, date.End + 16) - date.End, ref dateOnlyOffsetEnd);
        return date with { SpanEnd = dateOnlyOffsetEnd };
    }

    private static bool TryTime(string text, int start, int length, out TimeSpan time, out int end)
    {
        time = default;
        end = start;
        for (var match = TimeOfDay().Match(text, start, length); match.Success; match = match.NextMatch())
        {
            if (ToTime(match, out time))
            {
                end = match.Index + match.Length;
                return true;
            }
        }

        return false;
    }

    private static bool ToTime(Match match, out TimeSpan time)
    {
        time = default;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        var second = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            var pm = char.ToLowerInvariant(match.Groups["ampm"].Value[0]) == 'p';
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (pm ? 12 : 0);
        }
        else if (!match.Groups["min"].Success)
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, second);
        return true;
    }

    private static TimeSpan? TryOffset(string text, int start, int length, ref int end)
    {
        if (length <= 0)
        {
            return null;
        }

        var match = OffsetPattern().Match(text, start, length);
        if (!match.Success)
        {
            return null;
        }

        TimeSpan? offset = null;
        if (match.Groups["oh"].Success)
        {
            var hours = int.Parse(match.Groups["oh"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["om"].Success ? int.Parse(match.Groups["om"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return null;
            }

            var sign = match.Groups["sign"].Value is "-" or "\u2212" ? -1 : 1;
            offset = new TimeSpan(sign * hours, sign * minutes, 0);
        }
        else if (match.Groups["zone"].Success && ZoneAbbreviations.TryGetValue(match.Groups["zone"].Value, out var zoneMinutes))
        {
            offset = TimeSpan.FromMinutes(zoneMinutes);
        }

        if (offset is not null)
        {
            end = match.Index + match.Length;
        }

        return offset;
    }

    private static DateMatch? IsoFromMatch(Match m)
    {
        var date = Build(m, m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value);
        if (date is not { } d || !m.Groups["h"].Success)
        {
            return date;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return d;
        }

        TimeSpan? offset = null;
        if (m.Groups["z"].Success)
        {
            offset = TimeSpan.Zero;
        }
        else if (m.Groups["oh"].Success)
        {
            var oh = int.Parse(m.Groups["oh"].Value, CultureInfo.InvariantCulture);
            var om = m.Groups["om"].Success ? int.Parse(m.Groups["om"].Value, CultureInfo.InvariantCulture) : 0;
            if (oh <= 14 && om <= 59)
            {
                var sign = m.Groups["sign"].Value == "-" ? -1 : 1;
                offset = new TimeSpan(sign * oh, sign * om, 0);
            }
        }

        return d with { Time = new TimeSpan(hour, minute, second), Offset = offset, SpanEnd = d.End };
    }

    private static DateMatch? NumericFromMatch(Match m, bool monthFirst)
    {
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var separator = m.Groups["sep"].Value;

        // Day first unless impossible, or the caller prefers month first for slashes (US English).
        var dayFirst = a > 12 || (b <= 12 && !(monthFirst && separator == "/"));
        return dayFirst
            ? Build(m, m.Groups["y"].Value, b.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture))
            : Build(m, m.Groups["y"].Value, a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture));
    }

    private static DateMatch? Textual(Match m, string day, string monthName, string year)
    {
        var key = monthName.TrimEnd('.').ToLowerInvariant();
        return Months.TryGetValue(key, out var month) ? Build(m, year, month.ToString(CultureInfo.InvariantCulture), day) : null;
    }

    private static DateMatch? Build(Match m, string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mo)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return null;
        }

        if (y is < 1900 or > 2100 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return null;
        }

        return new DateMatch(y, mo, d, m.Index, m.Index + m.Length) { SpanEnd = m.Index + m.Length };
    }

    private static FrozenDictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            // January .. December, one row per month; each row lists every language's names and abbreviations.
            ["january", "jan", "janvier", "janv", "januar", "jän", "jänner", "enero", "ene", "janeiro", "jan", "gennaio", "gen", "januari", "январь", "января", "янв", "січень", "січня", "stycznia", "styczeń", "ocak", "yanvar"],
            ["february", "feb", "febr", "février", "fevrier", "févr", "fevr", "februar", "febrero", "fevereiro", "fev", "febbraio", "februari", "февраль", "февраля", "фев", "февр", "лютий", "лютого", "lutego", "luty", "şubat", "subat", "fevral"],
            ["march", "mar", "mars", "märz", "maerz", "mrz", "marzo", "março", "marco", "maart", "март", "марта", "мар", "березень", "березня", "marca", "marzec", "mart"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр", "квітень", "квітня", "kwietnia", "kwiecień", "nisan", "aprel"],
            ["may", "mai", "mayo", "maio", "maggio", "mag", "mei", "май", "мая", "травень", "травня", "maja", "maj", "mayıs", "mayis"],
            ["june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu", "июнь", "июня", "июн", "червень", "червня", "czerwca", "czerwiec", "haziran", "iyun"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug", "июль", "июля", "июл", "липень", "липня", "lipca", "lipiec", "temmuz", "iyul"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "август", "августа", "авг", "серпень", "серпня", "sierpnia", "sierpień", "ağustos", "agustos", "avqust"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "set", "settembre", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "września", "wrzesień", "eylül", "eylul", "sentyabr"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre", "ott", "октябрь", "октября", "окт", "жовтень", "жовтня", "października", "październik", "ekim", "oktyabr"],
            ["november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя", "листопад", "листопада", "listopada", "listopad", "kasım", "kasim", "noyabr"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dezembro", "dicembre", "декабрь", "декабря", "дек", "грудень", "грудня", "grudnia", "grudzień", "aralık", "aralik", "dekabr"],
        ];

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                map.TryAdd(name, i + 1);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9][0-9])-(?<m>[0-9][0-9])-(?<d>[0-9][0-9])(?:[T ](?<h>[01][0-9]|2[0-3]):(?<min>[0-5][0-9])(?::(?<s>[0-5][0-9])(?:[.,][0-9]+)?)?\s*(?:(?<z>Z)|(?<sign>[+-])(?<oh>[0-9][0-9]):?(?<om>[0-9][0-9])?)?)?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    // The month is any word here; Textual() keeps only real month names (one dictionary lookup beats a regex
    // alternation of every month name in every language).
    [GeneratedRegex(@"(?<![\p{L}0-9])(?<d>[0-3]?[0-9])(?:\.|er|st|nd|rd|th|º|°)?\s*(?:de\s+|of\s+)?(?<m>\p{L}{3,12})\.?,?\s*(?:de\s+|del\s+)?(?<y>(?:19|20)[0-9][0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\p{L}])(?<m>\p{L}{3,12})\.?\s+(?<d>[0-3]?[0-9])(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)[0-9][0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<![0-9./-])(?<a>[0-3]?[0-9])(?<sep>[./-])(?<b>[0-3]?[0-9])\k<sep>(?<y>(?:19|20)[0-9][0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<![0-9./])(?<y>(?:19|20)[0-9][0-9])[/.](?<m>[01]?[0-9])[/.](?<d>[0-3]?[0-9])(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirstNumeric();

    [GeneratedRegex(@"(?<y>(?:19|20)[0-9][0-9])\s*[年년]\s*(?<m>[01]?[0-9])\s*[月월]\s*(?<d>[0-3]?[0-9])\s*[日일]", RegexOptions.CultureInvariant)]
    private static partial Regex CjkDate();

    [GeneratedRegex(@"(?<![0-9:.])(?<h>[01]?[0-9]|2[0-3])(?:(?:[:h]|\.(?=[0-9][0-9]\b))(?<min>[0-5][0-9])(?::(?<s>[0-5][0-9]))?)?(?![0-9])\s*(?:(?<ampm>[ap]\.?\s?m\.?)(?![\p{L}])|(?:uhr|h|hrs|horas|heures|ч\.?)(?![\p{L}]))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\G[\s,(\[]*(?:(?:UTC|GMT)\s*(?<sign>[+\-\u2212])\s*(?<oh>[0-9]{1,2})(?::?(?<om>[0-9][0-9]))?|(?<sign>[+\-\u2212])(?<oh>[0-9][0-9]):?(?<om>[0-9][0-9])(?![0-9])|(?<zone>[A-Z]{1,5})(?![\p{L}]))", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}

using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Archive.Core.Api;

/// <summary>
/// Validates the query string of <c>GET /api/search</c>. Every problem is reported (parameter → messages); the values
/// themselves are never trusted further than as filter values escaped by <c>SearchFilter.Create</c>.
/// </summary>
public static class ArticleQueryParser
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;
    public const int MaxQueryLength = 1000;
    public const int MaxFilterValueLength = 200;
    public const int MaxFilterValues = 10;

    /// <summary>The deepest result reachable by paging (page × pageSize).</summary>
    public const int MaxResultDepth = 10_000;

    private static readonly string[] ListParameters = ["author", "site", "language", "tag", "person", "place", "org"];

    /// <summary>Parses <paramref name="parameters"/>; returns null and fills <paramref name="errors"/> when invalid.</summary>
    public static ArticleQuery? Parse(IEnumerable<KeyValuePair<string, StringValues>> parameters, out IReadOnlyDictionary<string, string[]> errors)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parameters ?? [])
        {
            values[key] = values.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : value;
        }

        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string parameter, string message)
        {
            if (!problems.TryGetValue(parameter, out var list))
            {
                problems[parameter] = list = [];
            }

            list.Add(message);
        }

        string? Single(string name)
        {
            if (!values.TryGetValue(name, out var v) || v.Count == 0)
            {
                return null;
            }

            if (v.Count > 1)
            {
                Fail(name, $"'{name}' may be given only once.");
            }

            return v[0];
        }

        var text = Single("q");
        if (text is not null && text.Length > MaxQueryLength)
        {
            Fail("q", $"'q' is {text.Length} characters long; the limit is {MaxQueryLength}.");
        }

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in ListParameters)
        {
            var list = values.TryGetValue(name, out var v) ? v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToArray() : [];
            if (list.Length > MaxFilterValues)
            {
                Fail(name, $"'{name}' may be given at most {MaxFilterValues} times.");
            }

            if (list.Any(s => s.Length > MaxFilterValueLength))
            {
                Fail(name, $"Each '{name}' value may be at most {MaxFilterValueLength} characters.");
            }

            lists[name] = list;
        }

        var from = ParseBound("from", Single("from"), isUpper: false, Fail);
        var before = ParseBound("to", Single("to"), isUpper: true, Fail);
        if (from is not null && before is not null && from >= before)
        {
            Fail("to", "'to' must not be before 'from'.");
        }

        var sort = SortOrders.Relevance;
        var sortText = Single("sort");
        if (sortText is not null && !TryParseSort(sortText, out sort))
        {
            Fail("sort", "'sort' must be relevance, newest or oldest.");
        }

        var page = ParseInt("page", Single("page"), 1, 1, int.MaxValue, Fail);
        var pageSize = ParseInt("pageSize", Single("pageSize"), DefaultPageSize, 1, MaxPageSize, Fail);
        if ((long)page * pageSize > MaxResultDepth)
        {
            Fail("page", $"page × pageSize must be at most {MaxResultDepth}; narrow the query instead of paging this deep.");
        }

        var includeDuplicates = false;
        var duplicatesText = Single("includeDuplicates");
        if (duplicatesText is not null && !TryParseBool(duplicatesText, out includeDuplicates))
        {
            Fail("includeDuplicates", "'includeDuplicates' must be true or false.");
        }

        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        if (problems.Count > 0)
        {
            return null;
        }

        return new ArticleQuery
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            Authors = lists["author"],
            Sites = lists["site"],
            Languages = lists["language"],
            Tags = lists["tag"],
            People = lists["person"],
            Places = lists["place"],
            Organizations = lists["org"],
            From = from,
            Before = before,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
            IncludeDuplicates = includeDuplicates,
        };
    }

    /// <summary>
    /// Parses the filters of <c>/api/search</c> (and <c>q</c>) for an endpoint with its own fixed order and no paging
    /// (export, timeline, feed): <c>sort</c>, <c>page</c> and <c>pageSize</c> are refused there, loudly.
    /// </summary>
    public static ArticleQuery? ParseFilters(IEnumerable<KeyValuePair<string, StringValues>> parameters, string route, out IReadOnlyDictionary<string, string[]> errors)
    {
        var list = (parameters ?? []).ToList();
        var query = Parse(list, out var parsed);
        var problems = parsed.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var name in new[] { "sort", "page", "pageSize" })
        {
            if (list.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                problems[name] = [$"'{name}' does not apply to {route}, which has its own order and no pages."];
            }
        }

        errors = problems;
        return problems.Count == 0 ? query : null;
    }

    /// <summary>Reads a parameter that may be given at most once; records a problem when it is repeated.</summary>
    public static string? Single(IEnumerable<KeyValuePair<string, StringValues>> parameters, string name, IDictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var values = (parameters ?? []).Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value).ToList();
        if (values.Count > 1)
        {
            problems[name] = [$"'{name}' may be given only once."];
        }

        return values.Count == 0 || string.IsNullOrWhiteSpace(values[0]) ? null : values[0]!.Trim();
    }

    private static bool TryParseSort(string text, out SortOrders sort)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "relevance": sort = SortOrders.Relevance; return true;
            case "newest": sort = SortOrders.Newest; return true;
            case "oldest": sort = SortOrders.Oldest; return true;
            default: sort = SortOrders.Relevance; return false;
        }
    }

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1": value = true; return true;
            case "false" or "0": value = false; return true;
            default: value = false; return false;
        }
    }

    private static int ParseInt(string name, string? text, int fallback, int min, int max, Action<string, string> fail)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            fail(name, $"'{name}' must be a whole number from {min} to {max}.");
            return fallback;
        }

        return value;
    }

    /// <summary>A date (yyyy-MM-dd, UTC) or an ISO 8601 date-time (UTC unless it has an offset).</summary>
    private static DateTimeOffset? ParseBound(string name, string? text, bool isUpper, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return isUpper ? start.AddDays(1) : start;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            // An upper date-time bound is inclusive: the service keeps millisecond precision, so "before the next millisecond".
            return isUpper ? moment.AddMilliseconds(1) : moment;
        }

        fail(name, $"'{name}' must be a date (2024-05-31) or an ISO 8601 date-time (2024-05-31T12:00:00Z).");
        return null;
    }
}

using System.Globalization;
using Archive.Core.Search;

namespace Archive.Core.Api;

/// <summary>
/// The article fields an export can carry (<c>fields=</c>), in their documented order, each with how it is read from
/// the document. <c>body</c> is exported only when asked for.
/// </summary>
public static class ExportFields
{
    /// <summary>Every exportable field, in column order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "id", "title", "publishedAt", "publishedAtPrecision", "authors", "siteName", "url", "language", "summary",
        "keywords", "people", "places", "organizations", "wordCount", "format", "blobPath", "ingestedAt", "duplicateOf",
        "contentHash", "body",
    ];

    /// <summary>The fields exported when <c>fields</c> is not given: all but <c>body</c>.</summary>
    public static IReadOnlyList<string> Default { get; } = [.. All.Where(f => f != "body")];

    /// <summary>Parses a comma-separated <c>fields</c> value (case-insensitive, duplicates dropped) into canonical names; null and an error when a name is unknown.</summary>
    public static IReadOnlyList<string>? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var result = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = All.FirstOrDefault(f => string.Equals(f, part, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                error = $"'fields' names an unknown field '{(part.Length > 40 ? part[..40] + "…" : part)}'; the fields are {string.Join(", ", All)}.";
                return null;
            }

            if (!result.Contains(name))
            {
                result.Add(name);
            }
        }

        if (result.Count == 0)
        {
            error = "'fields' names no field.";
            return null;
        }

        return result;
    }

    /// <summary>The value of <paramref name="field"/>: a string, a number, a date, a list of strings, or null.</summary>
    public static object? Read(ArticleDocument document, string field)
    {
        ArgumentNullException.ThrowIfNull(document);
        return field switch
        {
            "id" => document.Id,
            "title" => document.Title,
            "publishedAt" => document.PublishedAt,
            "publishedAtPrecision" => document.PublishedAtPrecision,
            "authors" => document.Authors,
            "siteName" => document.SiteName,
            "url" => document.Url,
            "language" => document.Language,
            "summary" => document.Summary,
            "keywords" => document.Keywords,
            "people" => document.People,
            "places" => document.Places,
            "organizations" => document.Organizations,
            "wordCount" => document.WordCount,
            "format" => document.Format,
            "blobPath" => document.BlobPath,
            "ingestedAt" => document.IngestedAt,
            "duplicateOf" => document.DuplicateOf,
            "contentHash" => document.ContentHash,
            "body" => document.Body,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an export field."),
        };
    }

    /// <summary>A date as the API writes it: ISO 8601 in UTC, milliseconds when there are any.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString(value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

using System.Text.Json.Serialization;

namespace Archive.Core.Extraction;

/// <summary>
/// What extraction reads from one article file: the contract that <c>archive extract --format jsonl</c> prints and
/// the indexer stores. Property names serialize as camelCase.
/// </summary>
public sealed record ExtractedArticle
{
    /// <summary>The input path (a file path for the CLI, the blob name for ingestion).</summary>
    public required string Path { get; init; }

    /// <summary>The detected format: text, markdown, html, json, pdf, docx (see <see cref="ArticleFormats"/>).</summary>
    public required string Format { get; init; }

    /// <summary>The headline; derived from the first sentence when the source has none.</summary>
    public required string Title { get; init; }

    /// <summary>"derived" when <see cref="Title"/> was made from the body; null when the source gave it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TitleSource { get; init; }

    /// <summary>ISO 8601 publication time; keeps the source's offset when it gives one.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>"date" when the source gave a date only (then <see cref="PublishedAt"/> is midnight UTC).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PublishedAtPrecision { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? SiteName { get; init; }

    public string? Url { get; init; }

    /// <summary>ISO 639-1 code detected from the text, or null when undetermined.</summary>
    public string? Language { get; init; }

    public string? Summary { get; init; }

    /// <summary>Clean plain text, paragraphs separated by a blank line.</summary>
    public required string Body { get; init; }

    public int WordCount { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Places { get; init; } = [];

    public IReadOnlyList<string> Organizations { get; init; } = [];

    /// <summary>SHA-256 of the normalized body, lowercase hex.</summary>
    public required string ContentHash { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

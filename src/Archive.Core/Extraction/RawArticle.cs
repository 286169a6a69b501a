namespace Archive.Core.Extraction;

/// <summary>
/// What a format reader finds in one file before enrichment: the fields the source itself gives. The pipeline turns
/// it into an <see cref="ExtractedArticle"/> (derived title, language, entities, keywords, word count, content hash).
/// </summary>
public sealed record RawArticle
{
    public string? Title { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>"date" when the source gave a date only (then <see cref="PublishedAt"/> is midnight UTC).</summary>
    public string? PublishedAtPrecision { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? SiteName { get; init; }

    public string? Url { get; init; }

    /// <summary>The language the source declares (for example html lang), as a hint; detection decides.</summary>
    public string? DeclaredLanguage { get; init; }

    public string? Summary { get; init; }

    /// <summary>Clean plain text, paragraphs separated by a blank line.</summary>
    public required string Body { get; init; }

    /// <summary>Keywords or tags the source declares.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

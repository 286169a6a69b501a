namespace Archive.Core.Extraction.Html;

/// <summary>A publication date read from a page: the instant (with the offset as written) and whether only a day was given.</summary>
internal readonly record struct HtmlDate(DateTimeOffset Value, bool DateOnly);

namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>One page of the news-html corpus with its gold values.</summary>
public sealed record NewsHtmlItem(string File, string Url, string Title, string Date, string Author, IReadOnlyList<string> With, IReadOnlyList<string> Without);

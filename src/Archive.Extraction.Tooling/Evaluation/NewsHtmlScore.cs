namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>Scores over news-html: shares of items with the right title, date and authors, and the snippet counts.</summary>
public sealed record NewsHtmlScore(int Items, int Titles, int TitlesCaseSensitive, int Dates, int Authors, SnippetCounts Body, IReadOnlyList<string> Misses)
{
    public double Title => Items == 0 ? 0 : (double)Titles / Items;

    public double TitleCaseSensitive => Items == 0 ? 0 : (double)TitlesCaseSensitive / Items;

    public double Date => Items == 0 ? 0 : (double)Dates / Items;

    public double Author => Items == 0 ? 0 : (double)Authors / Items;
}

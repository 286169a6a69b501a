namespace Archive.Cli.Bench;

/// <summary>The quality bars of issue 3 and the speed bars of issue 17 (plain text per CPU second, HTML against AngleSharp's parse).</summary>
internal static class BenchBars
{
    public const double Title = 0.92;
    public const double Date = 0.92;
    public const double Author = 0.85;
    public const double NewsBodyF1 = 0.92;
    public const double ArticleBodyF1 = 0.93;
    public const double TextPerSecond = 1000;
    public const double HtmlParseRatio = 4;
}

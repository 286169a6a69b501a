namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>
/// The "with"/"without" snippet method (trafilatura's eval): a "with" snippet found in the body is a true positive,
/// missing a false negative; a "without" snippet found is a false positive, missing a true negative. Micro-averaged.
/// </summary>
public sealed class SnippetCounts
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int TrueNegatives { get; private set; }

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    /// <summary>Scores one body: snippets and body are compared after whitespace collapsing, case-sensitively.</summary>
    public void Add(string? body, IEnumerable<string> with, IEnumerable<string> without)
    {
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(without);
        var text = ExtractionScorer.CollapseWhitespace(body);
        foreach (var snippet in with)
        {
            if (text.Length > 0 && text.Contains(ExtractionScorer.CollapseWhitespace(snippet), StringComparison.Ordinal))
            {
                TruePositives++;
            }
            else
            {
                FalseNegatives++;
            }
        }

        foreach (var snippet in without)
        {
            if (text.Length > 0 && text.Contains(ExtractionScorer.CollapseWhitespace(snippet), StringComparison.Ordinal))
            {
                FalsePositives++;
            }
            else
            {
                TrueNegatives++;
            }
        }
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

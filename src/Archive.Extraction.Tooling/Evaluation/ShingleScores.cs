using System.Text.RegularExpressions;

namespace Archive.Extraction.Tooling.Evaluation;

/// <summary>
/// The article-extraction-benchmark's body score: 4-token shingles of \w+ tokens (case kept) with multiplicity;
/// per document TP/FP/FN rescaled to sum to 1; precision and recall macro-averaged over documents (precision only
/// over documents whose prediction has shingles); F1 is the harmonic mean of the corpus precision and recall.
/// </summary>
public sealed partial class ShingleScores
{
    private const int ShingleSize = 4;
    private readonly List<double> precisions = [];
    private readonly List<double> recalls = [];
    private int exact;
    private int documents;

    public double Precision => precisions.Count == 0 ? 0 : precisions.Average();

    public double Recall => recalls.Count == 0 ? 0 : recalls.Average();

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of documents whose predicted token sequence equals the gold one.</summary>
    public double Accuracy => documents == 0 ? 0 : (double)exact / documents;

    /// <summary>Adds one document.</summary>
    public void Add(string? predicted, string? gold)
    {
        var predictedTokens = Tokens(predicted);
        var goldTokens = Tokens(gold);
        documents++;
        if (predictedTokens.SequenceEqual(goldTokens))
        {
            exact++;
        }

        var predictedShingles = Shingles(predictedTokens);
        var goldShingles = Shingles(goldTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, count) in predictedShingles)
        {
            var goldCount = goldShingles.GetValueOrDefault(shingle);
            tp += Math.Min(count, goldCount);
            fp += Math.Max(0, count - goldCount);
        }

        foreach (var (shingle, count) in goldShingles)
        {
            fn += Math.Max(0, count - predictedShingles.GetValueOrDefault(shingle));
        }

        var total = tp + fp + fn;
        if (total > 0)
        {
            tp /= total;
            fp /= total;
            fn /= total;
        }

        if (tp + fp > 0)
        {
            precisions.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fp));
        }

        if (tp + fn > 0)
        {
            recalls.Add(fp == 0 && fn == 0 ? 1 : tp / (tp + fn));
        }
    }

    /// <summary>The \w+ tokens of a text.</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        string.IsNullOrEmpty(text) ? [] : WordRegex().Matches(text).Select(m => m.Value).ToList();

    /// <summary>Counts of overlapping 4-token shingles (one shorter shingle for texts of 1 to 3 tokens).</summary>
    public static Dictionary<string, int> Shingles(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return result;
        }

        var count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < count; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(ShingleSize));
            result[key] = result.GetValueOrDefault(key) + 1;
        }

        return result;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRegex();
}

using System.Globalization;
using System.Text;

namespace Archive.Testing;

/// <summary>Generated plain-text articles (deterministic), about 2-3 KB each, with a shared vocabulary to search.</summary>
public static class GeneratedArticles
{
    private static readonly string[] Words =
    [
        "wind", "solar", "market", "election", "river", "council", "energy", "budget", "school", "harbor", "storm", "festival",
        "railway", "hospital", "climate", "museum", "farmers", "bridge", "court", "minister", "league", "vaccine", "drought", "port",
    ];

    public static string Text(int i)
    {
        var random = new Random(i);
        var body = new StringBuilder();
        for (var w = 0; w < 400; w++)
        {
            body.Append(Words[random.Next(Words.Length)]).Append(w % 17 == 16 ? ".\n\n" : " ");
        }

        return string.Create(CultureInfo.InvariantCulture, $"Article {i} on {Words[i % Words.Length]} and {Words[(i / 7) % Words.Length]}\n") + body;
    }

    public static string Word(int i) => Words[i % Words.Length];
}

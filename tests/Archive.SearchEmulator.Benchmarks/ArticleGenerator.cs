using System.Text;

namespace Archive.SearchEmulator.Benchmarks;

/// <summary>Deterministic synthetic articles: words from a pseudo-vocabulary with a Zipf-like distribution.</summary>
internal sealed class ArticleGenerator
{
    private static readonly string[] Syllables =
    [
        "ar", "chi", "ve", "news", "port", "har", "bour", "sto", "rm", "ci", "ty", "coun", "cil", "lib", "ra", "ry",
        "mar", "ket", "tra", "in", "sea", "son", "gar", "den", "ri", "ver", "mo", "un", "tain", "val", "ley", "for",
    ];

    private readonly Random random;

    public ArticleGenerator(int seed)
    {
        random = new Random(seed);
        Vocabulary = Enumerable.Range(0, 8000).Select(MakeWord).Distinct().ToArray();
        Authors = Enumerable.Range(0, 60).Select(i => "author" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Tags = Enumerable.Range(0, 40).Select(i => "tag" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    public string[] Vocabulary { get; }

    public string[] Authors { get; }

    public string[] Tags { get; }

    private string MakeWord(int seed)
    {
        var length = 2 + (seed % 3);
        var builder = new StringBuilder();
        var value = seed;
        for (var i = 0; i < length; i++)
        {
            builder.Append(Syllables[value % Syllables.Length]);
            value = (value / Syllables.Length) + random.Next(0, 7);
        }

        return builder.ToString();
    }

    public string Word()
    {
        // Zipf-like: small indexes are much more frequent.
        var u = random.NextDouble();
        var index = (int)(Math.Pow(u, 3) * Vocabulary.Length);
        return Vocabulary[Math.Min(index, Vocabulary.Length - 1)];
    }

    public BenchArticle Next(int number)
    {
        var body = new StringBuilder(3200);
        var words = 0;
        while (body.Length < 3000)
        {
            body.Append(Word());
            words++;
            body.Append(words % 14 == 0 ? ". " : " ");
        }

        return new BenchArticle
        {
            Id = "doc" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = string.Join(' ', Enumerable.Range(0, 7).Select(_ => Word())),
            Body = body.ToString(),
            Author = Authors[random.Next(Authors.Length)],
            Published = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 26 * 365 * 24 * 60)),
            Tags = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct().ToArray(),
            Words = words,
        };
    }

    public int Next(int min, int max) => random.Next(min, max);
}

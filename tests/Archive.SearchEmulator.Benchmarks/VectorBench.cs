using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Benchmarks;

/// <summary>
/// The vector part of the benchmark: an index like the text one plus a 384-dimension cosine vector field, random unit
/// embeddings (deterministic per document), and vector-only and hybrid queries (k 10, with and without a filter).
/// </summary>
internal static class VectorBench
{
    public const string Field = "embedding";

    public static SearchIndex Definition(string name, IEnumerable<SearchField> textFields, int dimensions)
    {
        var index = new SearchIndex(name, textFields.Append(new SearchField(Field, SearchFieldDataType.Collection(SearchFieldDataType.Single))
        {
            IsSearchable = true,
            IsHidden = true,
            VectorSearchDimensions = dimensions,
            VectorSearchProfileName = "profile",
        }))
        {
            VectorSearch = new VectorSearch
            {
                Algorithms = { new HnswAlgorithmConfiguration("hnsw") { Parameters = new HnswParameters { Metric = VectorSearchAlgorithmMetric.Cosine } } },
                Profiles = { new VectorSearchProfile("profile", "hnsw") },
            },
        };
        return index;
    }

    /// <summary>A random unit vector, the same for the same seed.</summary>
    public static float[] Embedding(int seed, int dimensions)
    {
        var random = new Random(seed);
        var vector = new float[dimensions];
        double norm = 0;
        for (var i = 0; i < dimensions; i++)
        {
            // The sum of uniforms approximates a normal draw, so the direction is uniform enough for timing.
            vector[i] = (float)(random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
            norm += vector[i] * vector[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }

    /// <summary>Vector-only and hybrid queries, k 10, with and without a filter on one author.</summary>
    public static List<BenchQuery> Queries(ArticleGenerator generator, IReadOnlyList<BenchArticle> articles, int dimensions, int perKind)
    {
        var queries = new List<BenchQuery>(perKind * 4);
        for (var i = 0; i < perKind * 4; i++)
        {
            var article = articles[generator.Next(0, articles.Count)];
            var options = new SearchOptions
            {
                Size = 10,
                VectorSearch = new VectorSearchOptions
                {
                    Queries = { new VectorizedQuery(Embedding(1_000_000 + i, dimensions)) { KNearestNeighborsCount = 10, Fields = { Field } } },
                },
            };
            var filtered = i % 2 == 1;
            if (filtered)
            {
                options.Filter = $"author eq '{article.Author}'";
            }

            var hybrid = (i / 2) % 2 == 1;
            var kind = (hybrid ? "hybrid" : "vector") + (filtered ? "+filt" : string.Empty);
            queries.Add(new BenchQuery(kind, hybrid ? $"{generator.Word()} {generator.Word()}" : null!, options));
        }

        return queries;
    }
}

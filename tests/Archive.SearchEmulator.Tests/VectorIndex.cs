using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// A small index with vector fields of each metric and a corpus of 3-dimensional vectors chosen so that the expected
/// nearest neighbours can be worked out by hand (the distances are in comments beside each test).
/// </summary>
public static class VectorIndex
{
    public const int Dimensions = 3;

    /// <summary>The same vectors in a cosine, a Euclidean and a dot-product field; 'alt' holds other Euclidean vectors.</summary>
    public static readonly (string Id, string Title, string Category, float[] Vector, float[] Alt)[] Corpus =
    [
        ("east", "storm", "a", [1, 0, 0], [0, 0, 3]),
        ("northeast", "storm at sea", "b", [1, 1, 0], [1, 0, 0]),
        ("north", "library hours", "a", [0, 1, 0], [0, 1, 0]),
        ("fareast", "harbour hotel reopens", "b", [10, 0, 0], [0, 0, -5]),
        ("west", "storm damage in the west", "a", [-1, 0, 0], [5, 5, 5]),
    ];

    public static SearchIndex Definition(string name) => new(name)
    {
        Fields =
        {
            new SearchField("id", SearchFieldDataType.String) { IsKey = true, IsFilterable = true },
            new SearchField("title", SearchFieldDataType.String) { IsSearchable = true },
            new SearchField("category", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            Vector("cos", "p-cosine"),
            Vector("euc", "p-euclidean"),
            Vector("dot", "p-dot"),
            Vector("alt", "p-euclidean"),
            new SearchField("hidden", SearchFieldDataType.Collection(SearchFieldDataType.Single))
            {
                IsSearchable = true, IsHidden = true, VectorSearchDimensions = Dimensions, VectorSearchProfileName = "p-cosine",
            },
        },
        VectorSearch = new VectorSearch
        {
            Algorithms =
            {
                new HnswAlgorithmConfiguration("hnsw-cosine") { Parameters = new HnswParameters { Metric = VectorSearchAlgorithmMetric.Cosine, M = 8 } },
                new ExhaustiveKnnAlgorithmConfiguration("knn-euclidean") { Parameters = new ExhaustiveKnnParameters { Metric = VectorSearchAlgorithmMetric.Euclidean } },
                new HnswAlgorithmConfiguration("hnsw-dot") { Parameters = new HnswParameters { Metric = VectorSearchAlgorithmMetric.DotProduct } },
            },
            Profiles =
            {
                new VectorSearchProfile("p-cosine", "hnsw-cosine"),
                new VectorSearchProfile("p-euclidean", "knn-euclidean"),
                new VectorSearchProfile("p-dot", "hnsw-dot"),
            },
        },
    };

    public static SearchField Vector(string name, string profile) =>
        new(name, SearchFieldDataType.Collection(SearchFieldDataType.Single))
        {
            IsSearchable = true, VectorSearchDimensions = Dimensions, VectorSearchProfileName = profile,
        };

    public static SearchDocument Document((string Id, string Title, string Category, float[] Vector, float[] Alt) row) => new()
    {
        ["id"] = row.Id,
        ["title"] = row.Title,
        ["category"] = row.Category,
        ["cos"] = row.Vector,
        ["euc"] = row.Vector,
        ["dot"] = row.Vector,
        ["alt"] = row.Alt,
        ["hidden"] = row.Vector,
    };

    public static async Task<SearchClient> CreateAsync(ImmediateSearchEmulatorFixture fixture)
    {
        var name = TestIndex.NewName();
        await fixture.CreateIndexClient().CreateIndexAsync(Definition(name));
        var client = fixture.CreateSearchClient(name);
        await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(Corpus.Select(Document)), new IndexDocumentsOptions { ThrowOnAnyError = true });
        return client;
    }

    public static SearchOptions Options(float[] vector, int k, string fields, VectorFilterMode? mode = null)
    {
        var query = new VectorizedQuery(vector) { KNearestNeighborsCount = k };
        foreach (var field in fields.Split(','))
        {
            query.Fields.Add(field.Trim());
        }

        var options = new SearchOptions { VectorSearch = new VectorSearchOptions { Queries = { query }, FilterMode = mode } };
        options.Select.Add("id");
        return options;
    }

    public static async Task<List<(string Id, double Score)>> ResultsAsync(SearchClient client, string? text, SearchOptions options)
    {
        var response = await client.SearchAsync<SearchDocument>(text, options);
        var results = new List<(string, double)>();
        await foreach (var result in response.Value.GetResultsAsync())
        {
            results.Add(((string)result.Document["id"], result.Score ?? double.NaN));
        }

        return results;
    }
}

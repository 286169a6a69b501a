using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// Vector queries through the SDK. Expected orders are worked out by hand from the vectors in <see cref="VectorIndex"/>;
/// scores, k, filter modes and fusion follow Microsoft Learn: "Relevance in vector search"
/// (https://learn.microsoft.com/azure/search/vector-search-ranking), "Add a filter to a vector query"
/// (https://learn.microsoft.com/azure/search/vector-search-filters), "Create a vector query"
/// (https://learn.microsoft.com/azure/search/vector-search-how-to-query) and "Relevance scoring in hybrid search using
/// Reciprocal Rank Fusion" (https://learn.microsoft.com/azure/search/hybrid-search-ranking).
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class VectorSearchTests(ImmediateSearchEmulatorFixture fixture)
{
    private static readonly float[] East = [1, 0, 0];

    [Fact]
    public async Task VectorQuery_Euclidean_NearestFirstAndKResults()
    {
        // Arrange: distances from (1,0,0): east 0, northeast 1, north 1.41, west 2, fareast 9.
        var client = await VectorIndex.CreateAsync(fixture);
        var options = VectorIndex.Options(East, 3, "euc");
        options.IncludeTotalCount = true;

        // Act
        var response = await client.SearchAsync<SearchDocument>(null, options);
        var results = await VectorIndex.ResultsAsync(client, null, options);

        // Assert: k results ("Vector queries always return k results, assuming at least k documents exist").
        Assert.Equal(["east", "northeast", "north"], results.Select(r => r.Id));
        Assert.Equal(3, response.Value.TotalCount);
        Assert.Equal(1.0, results[0].Score, 6);
        Assert.True(results[0].Score > results[1].Score && results[1].Score > results[2].Score);
    }

    [Fact]
    public async Task VectorQuery_Cosine_ScoreIsOneOverOnePlusCosineDistance()
    {
        // Arrange: cosine with (1,0,0): east and fareast 1, northeast 0.707, north 0, west -1.
        var client = await VectorIndex.CreateAsync(fixture);

        // Act
        var results = await VectorIndex.ResultsAsync(client, null, VectorIndex.Options(East, 5, "cos"));

        // Assert: the page documents @search.score = 1 / (1 + cosine_distance), range 0.333 - 1.00; length is ignored.
        var scores = results.ToDictionary(r => r.Id, r => r.Score);
        Assert.Equal(["east", "fareast"], results.Take(2).Select(r => r.Id).Order());
        Assert.Equal(["northeast", "north", "west"], results.Skip(2).Select(r => r.Id));
        Assert.Equal(1.0, scores["fareast"], 5);
        Assert.Equal(1 / (1 + (1 - Math.Sqrt(0.5))), scores["northeast"], 5);
        Assert.Equal(0.5, scores["north"], 5);
        Assert.Equal(1 / 3.0, scores["west"], 5);
    }

    [Fact]
    public async Task VectorQuery_DotProduct_LengthCounts()
    {
        // Arrange: dot products with (2,1,0): fareast 20, northeast 3, east 2, north 1, west -2.
        var client = await VectorIndex.CreateAsync(fixture);

        // Act
        var results = await VectorIndex.ResultsAsync(client, null, VectorIndex.Options([2, 1, 0], 5, "dot"));

        // Assert: scores in 0 to 1 (the range the hybrid ranking page gives for DotProduct), best first.
        Assert.Equal(["fareast", "northeast", "east", "north", "west"], results.Select(r => r.Id));
        Assert.All(results, r => Assert.InRange(r.Score, 0, 1));
    }

    [Fact]
    public async Task VectorQuery_FilterModes_PreFilterFillsKPostFilterDropsFromK()
    {
        // Arrange: category 'a' is east, north, west. Unfiltered top 2 by distance: east, northeast.
        var client = await VectorIndex.CreateAsync(fixture);
        var pre = VectorIndex.Options(East, 2, "euc", VectorFilterMode.PreFilter);
        pre.Filter = "category eq 'a'";
        var post = VectorIndex.Options(East, 2, "euc", VectorFilterMode.PostFilter);
        post.Filter = "category eq 'a'";
        var byDefault = VectorIndex.Options(East, 2, "euc");
        byDefault.Filter = "category eq 'a'";

        // Act
        var preResults = await VectorIndex.ResultsAsync(client, null, pre);
        var postResults = await VectorIndex.ResultsAsync(client, null, post);
        var defaultResults = await VectorIndex.ResultsAsync(client, null, byDefault);

        // Assert: pre-filtering returns k matching documents; post-filtering applies the filter to the top k.
        Assert.Equal(["east", "north"], preResults.Select(r => r.Id));
        Assert.Equal(["east"], postResults.Select(r => r.Id));
        Assert.Equal(["east", "north"], defaultResults.Select(r => r.Id));
    }

    [Fact]
    public async Task VectorQuery_TwoFields_FusedByRrfDocumentInBothListsFirst()
    {
        // Arrange: k 2 on 'euc' gives east, northeast; on 'alt' (northeast at distance 0, north 1.41) northeast, north.
        var client = await VectorIndex.CreateAsync(fixture);
        var options = VectorIndex.Options(East, 2, "euc, alt");
        options.IncludeTotalCount = true;

        // Act
        var response = await client.SearchAsync<SearchDocument>(null, options);
        var results = await VectorIndex.ResultsAsync(client, null, options);

        // Assert: one query over two fields is two executions merged by RRF, 1/(60 + rank) summed per document.
        Assert.Equal(["northeast", "east", "north"], results.Select(r => r.Id));
        Assert.Equal((1 / 62.0) + (1 / 61.0), results[0].Score, 6);
        Assert.Equal(1 / 61.0, results[1].Score, 6);
        Assert.Equal(1 / 62.0, results[2].Score, 6);
        Assert.Equal(3, response.Value.TotalCount);
    }

    [Fact]
    public async Task VectorQuery_TwoQueries_FusedByRrf()
    {
        // Arrange: (1,0,0) on 'euc' k 1 gives east; (0,1,0) on 'cos' k 1 gives north.
        var client = await VectorIndex.CreateAsync(fixture);
        var options = VectorIndex.Options(East, 1, "euc");
        options.VectorSearch.Queries.Add(new VectorizedQuery(new float[] { 0, 1, 0 }) { KNearestNeighborsCount = 1, Fields = { "cos" } });

        // Act
        var results = await VectorIndex.ResultsAsync(client, null, options);

        // Assert
        Assert.Equal(["east", "north"], results.Select(r => r.Id).Order());
        Assert.All(results, r => Assert.Equal(1 / 61.0, r.Score, 6));
    }

    [Fact]
    public async Task Hybrid_TextAndVector_FirstInBothComesFirstAndOneSideOnlyPresent()
    {
        // Arrange: "storm" matches east (1 word), northeast (3 words), west (5 words), shortest first by BM25;
        // the vector (1,0,0) k 2 gives east, northeast.
        var client = await VectorIndex.CreateAsync(fixture);
        var options = VectorIndex.Options(East, 2, "euc");
        options.IncludeTotalCount = true;

        // Act
        var response = await client.SearchAsync<SearchDocument>("storm", options);
        var results = await VectorIndex.ResultsAsync(client, "storm", options);

        // Assert: RRF with k = 60; west is found by the text query only and still comes back.
        Assert.Equal(["east", "northeast", "west"], results.Select(r => r.Id));
        Assert.Equal(2 / 61.0, results[0].Score, 6);
        Assert.Equal(2 / 62.0, results[1].Score, 6);
        Assert.Equal(1 / 63.0, results[2].Score, 6);
        Assert.Equal(3, response.Value.TotalCount);
    }

    [Fact]
    public async Task Hybrid_VectorOnlyMatchesPresentAndFilterAppliesToBothSides()
    {
        // Arrange: "library" matches north only; the vector (1,0,0) k 2 gives east, northeast (pre-filtered to 'a':
        // east, north).
        var client = await VectorIndex.CreateAsync(fixture);
        var unfiltered = VectorIndex.Options(East, 2, "euc");
        var filtered = VectorIndex.Options(East, 2, "euc");
        filtered.Filter = "category eq 'a'";
        filtered.Facets.Add("category");

        // Act
        var all = await VectorIndex.ResultsAsync(client, "library", unfiltered);
        var response = await client.SearchAsync<SearchDocument>("library", filtered);
        var some = await VectorIndex.ResultsAsync(client, "library", filtered);

        // Assert: north is first in both lists of the filtered query (text rank 1, vector rank 2 after east).
        Assert.Equal(["east", "north", "northeast"], all.Select(r => r.Id).Order());
        Assert.Equal(["north", "east"], some.Select(r => r.Id));
        Assert.Equal((1 / 61.0) + (1 / 62.0), some[0].Score, 6);
        var buckets = response.Value.Facets["category"];
        Assert.Equal(2, buckets.Single(b => (string)b.Value == "a").Count);
        Assert.DoesNotContain(buckets, b => (string)b.Value == "b");
    }

    [Fact]
    public async Task VectorQuery_TopAndSkip_PageThroughTheKResults()
    {
        // Arrange: k 4 by distance: east, northeast, north, west.
        var client = await VectorIndex.CreateAsync(fixture);
        var options = VectorIndex.Options(East, 4, "euc");
        options.Size = 2;
        options.Skip = 1;

        // Act
        var results = await VectorIndex.ResultsAsync(client, null, options);

        // Assert
        Assert.Equal(["northeast", "north"], results.Select(r => r.Id));
    }

    [Fact]
    public async Task VectorField_RetrievableReturnedHiddenNot()
    {
        // Arrange
        var client = await VectorIndex.CreateAsync(fixture);

        // Act
        var document = (await client.GetDocumentAsync<SearchDocument>("northeast")).Value;
        var options = VectorIndex.Options(East, 1, "hidden");
        options.Select.Clear();
        var hit = (await client.SearchAsync<SearchDocument>(null, options)).Value.GetResults().Single();

        // Assert: "Only fields marked as retrievable ... are returned in search results" (the vector ranking page).
        Assert.Equal([1f, 1f, 0f], ((object[])document["euc"]).Select(Convert.ToSingle));
        Assert.False(document.ContainsKey("hidden"));
        Assert.Equal("east", hit.Document["id"]);
        Assert.False(hit.Document.ContainsKey("hidden"));
        Assert.True(hit.Document.ContainsKey("cos"));
    }

    [Fact]
    public async Task VectorQuery_MergeKeepsVectorAndDeleteRemovesIt()
    {
        // Arrange
        var client = await VectorIndex.CreateAsync(fixture);

        // Act: change the title of east, delete northeast.
        await client.MergeDocumentsAsync([new SearchDocument { ["id"] = "east", ["title"] = "renamed" }], new IndexDocumentsOptions { ThrowOnAnyError = true });
        await client.DeleteDocumentsAsync("id", ["northeast"], new IndexDocumentsOptions { ThrowOnAnyError = true });
        var results = await VectorIndex.ResultsAsync(client, null, VectorIndex.Options(East, 2, "euc"));

        // Assert
        Assert.Equal(["east", "north"], results.Select(r => r.Id));
    }

    [Fact]
    public async Task Upload_WrongVectorLength_Is400MismatchInVectorDimensions()
    {
        // Arrange
        var client = await VectorIndex.CreateAsync(fixture);
        var document = VectorIndex.Document(("bad", "bad", "a", [1, 2], [1, 2, 3]));

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadDocumentsAsync([document]));

        // Assert: the message Azure gives ("There's a mismatch in vector dimensions ... expects a length of '3'").
        Assert.Equal(400, error.Status);
        Assert.Contains("mismatch in vector dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("expects a length of '3'", error.Message, StringComparison.Ordinal);
        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => client.GetDocumentAsync<SearchDocument>("bad"))).Status);
    }

    [Fact]
    public async Task VectorQuery_WrongLengthOrNotAVectorField_Is400()
    {
        // Arrange
        var client = await VectorIndex.CreateAsync(fixture);

        // Act
        var length = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<SearchDocument>(null, VectorIndex.Options([1, 0], 2, "euc")));
        var notVector = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<SearchDocument>(null, VectorIndex.Options(East, 2, "title")));

        // Assert
        Assert.Equal(400, length.Status);
        Assert.Equal(400, notVector.Status);
    }

    [Theory]
    [InlineData("filterable")]
    [InlineData("sortable")]
    [InlineData("facetable")]
    [InlineData("unknown-profile")]
    [InlineData("no-dimensions")]
    [InlineData("too-many-dimensions")]
    public async Task CreateIndex_InvalidVectorField_Is400(string fault)
    {
        // Arrange: Azure's rules for vector fields (vector-search-how-to-create-index): dimensions and a profile
        // are required, and a vector field cannot be filterable, sortable or facetable.
        var definition = VectorIndex.Definition(TestIndex.NewName());
        var field = definition.Fields.Single(f => f.Name == "euc");
        switch (fault)
        {
            case "filterable": field.IsFilterable = true; break;
            case "sortable": field.IsSortable = true; break;
            case "facetable": field.IsFacetable = true; break;
            case "unknown-profile": field.VectorSearchProfileName = "nope"; break;
            case "no-dimensions": field.VectorSearchDimensions = null; break;
            default: field.VectorSearchDimensions = 5000; break;
        }

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(definition));

        // Assert
        Assert.Equal(400, error.Status);
        Assert.Contains("euc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIndex_ProfileWithUnknownAlgorithm_Is400()
    {
        // Arrange
        var definition = VectorIndex.Definition(TestIndex.NewName());
        definition.VectorSearch.Profiles.Add(new VectorSearchProfile("p-broken", "no-such-algorithm"));

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(definition));

        // Assert
        Assert.Equal(400, error.Status);
        Assert.Contains("no-such-algorithm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIndex_VectorSettingsReadBackWithAzureDefaults()
    {
        // Arrange
        var name = TestIndex.NewName();
        await fixture.CreateIndexClient().CreateIndexAsync(VectorIndex.Definition(name));

        // Act
        var index = (await fixture.CreateIndexClient().GetIndexAsync(name)).Value;

        // Assert: the HNSW defaults Azure documents (m 4, efConstruction 400, efSearch 500) fill what was not given.
        var euc = index.Fields.Single(f => f.Name == "euc");
        Assert.Equal(3, euc.VectorSearchDimensions);
        Assert.Equal("p-euclidean", euc.VectorSearchProfileName);
        var hnsw = (HnswAlgorithmConfiguration)index.VectorSearch.Algorithms.Single(a => a.Name == "hnsw-cosine");
        Assert.Equal(8, hnsw.Parameters.M);
        Assert.Equal(400, hnsw.Parameters.EfConstruction);
        Assert.Equal(500, hnsw.Parameters.EfSearch);
        Assert.Equal(VectorSearchAlgorithmMetric.Cosine, hnsw.Parameters.Metric);
        Assert.IsType<ExhaustiveKnnAlgorithmConfiguration>(index.VectorSearch.Algorithms.Single(a => a.Name == "knn-euclidean"));
    }

    [Fact]
    public async Task RestartAsync_KillNineRightAfterVectorUpload_VectorsSurvive()
    {
        // Arrange
        var client = await VectorIndex.CreateAsync(fixture);
        var ack = await client.UploadDocumentsAsync([VectorIndex.Document(("late", "late", "a", [0.9f, 0.1f, 0], [0, 0, 0]))]);
        Assert.Equal(200, ack.GetRawResponse().Status);

        // Act: SIGKILL right after the acknowledgement.
        await fixture.RestartAsync();
        var after = fixture.CreateSearchClient(client.IndexName);
        var results = await VectorIndex.ResultsAsync(after, null, VectorIndex.Options(East, 3, "euc"));

        // Assert: distances from (1,0,0): east 0, late 0.14, northeast 1.
        Assert.Equal(["east", "late", "northeast"], results.Select(r => r.Id));
        var late = (await after.GetDocumentAsync<SearchDocument>("late")).Value;
        Assert.Equal([0.9f, 0.1f, 0f], ((object[])late["cos"]).Select(Convert.ToSingle));
    }
}

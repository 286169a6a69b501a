using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// Scoring profiles (Learn, "Add scoring profiles to boost search scores"): text weights multiply a field's matches,
/// functions multiply the score of the documents they apply to by up to their boost, interpolated over the range,
/// and <c>functionAggregation</c> combines several functions.
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class ScoringProfileTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task TextWeights_WeightedFieldMatchRanksFirst()
    {
        // Without a profile the title match (short field) wins; weighting body by 10 turns the order.
        var client = await CreateAsync(
            [new ScoringProfile("body") { TextWeights = new TextWeights(new Dictionary<string, double> { ["body"] = 10 }) }],
            Doc("t", title: "lighthouse", body: "a story about the sea and the ships at night"),
            Doc("b", title: "a story", body: "lighthouse keepers and the sea and the ships at night"));

        var plain = await IdsAsync(client, "lighthouse", new SearchOptions());
        var weighted = await IdsAsync(client, "lighthouse", new SearchOptions { ScoringProfile = "body" });

        Assert.Equal(["t", "b"], plain);
        Assert.Equal(["b", "t"], weighted);
    }

    [Fact]
    public async Task Freshness_RecentDocumentOvertakesBetterTextMatch()
    {
        var now = DateTimeOffset.UtcNow;
        var profile = new ScoringProfile("fresh")
        {
            Functions = { new FreshnessScoringFunction("published", 5, new FreshnessScoringParameters(TimeSpan.FromDays(365))) },
        };
        var client = await CreateAsync([profile],
            Doc("old", title: "storm storm storm", published: now.AddDays(-300)),
            Doc("new", title: "storm and other words", published: now.AddDays(-1)));

        var plain = await IdsAsync(client, "storm", new SearchOptions());
        var fresh = await IdsAsync(client, "storm", new SearchOptions { ScoringProfile = "fresh" });

        Assert.Equal(["old", "new"], plain);
        Assert.Equal(["new", "old"], fresh);
    }

    [Fact]
    public async Task Magnitude_LinearInterpolationPrefersHigherValueButConstantDoesNot()
    {
        // Linear: rating 8 of 0-10 gets 1 + 9 × 0.8, rating 2 gets 1 + 9 × 0.2. Constant: both get the full boost of 10,
        // so the text score decides again.
        var linear = new ScoringProfile("linear") { Functions = { new MagnitudeScoringFunction("rating", 10, new MagnitudeScoringParameters(0, 10)) } };
        var constant = new ScoringProfile("constant")
        {
            Functions = { new MagnitudeScoringFunction("rating", 10, new MagnitudeScoringParameters(0, 10)) { Interpolation = ScoringFunctionInterpolation.Constant } },
        };
        var client = await CreateAsync([linear, constant],
            Doc("low", title: "harbour harbour", rating: 2),
            Doc("high", title: "harbour and more words here", rating: 8));

        var byLinear = await IdsAsync(client, "harbour", new SearchOptions { ScoringProfile = "linear" });
        var byConstant = await IdsAsync(client, "harbour", new SearchOptions { ScoringProfile = "constant" });

        Assert.Equal(["high", "low"], byLinear);
        Assert.Equal(["low", "high"], byConstant);
    }

    [Fact]
    public async Task Magnitude_BeyondRange_BoostedOnlyWithConstantBoostBeyondRange()
    {
        var without = new ScoringProfile("without") { Functions = { new MagnitudeScoringFunction("rating", 10, new MagnitudeScoringParameters(0, 5)) } };
        var with = new ScoringProfile("with")
        {
            Functions = { new MagnitudeScoringFunction("rating", 10, new MagnitudeScoringParameters(0, 5) { ShouldBoostBeyondRangeByConstant = true }) },
        };
        var client = await CreateAsync([without, with],
            Doc("inside", title: "harbour harbour", rating: 1),
            Doc("beyond", title: "harbour and more words here", rating: 9));

        var byWithout = await IdsAsync(client, "harbour", new SearchOptions { ScoringProfile = "without" });
        var byWith = await IdsAsync(client, "harbour", new SearchOptions { ScoringProfile = "with" });

        Assert.Equal(["inside", "beyond"], byWithout);
        Assert.Equal(["beyond", "inside"], byWith);
    }

    [Fact]
    public async Task Tag_DocumentWithAGivenTagRanksFirst()
    {
        var profile = new ScoringProfile("tags") { Functions = { new TagScoringFunction("tags", 5, new TagScoringParameters("mytags")) } };
        var client = await CreateAsync([profile],
            Doc("plain", title: "storm storm storm", tags: ["weather"]),
            Doc("tagged", title: "storm and other words", tags: ["local", "news"]));

        var tagged = await IdsAsync(client, "storm", new SearchOptions { ScoringProfile = "tags", ScoringParameters = { "mytags-news,sport" } });
        var otherTag = await IdsAsync(client, "storm", new SearchOptions { ScoringProfile = "tags", ScoringParameters = { "mytags-weather" } });

        Assert.Equal(["tagged", "plain"], tagged);
        Assert.Equal(["plain", "tagged"], otherTag);
    }

    [Fact]
    public async Task FunctionAggregation_SumAndFirstMatchingRankDifferently()
    {
        // Equal text scores. Constant boosts: a tag function (3) then a magnitude function (4). "both" gets both, "second" only the
        // magnitude one. Sum: both = 1 + 2 + 3 = 6, second = 4. firstMatching: both takes the first function's 3,
        // second its only matching function's 4.
        ScoringProfile Profile(string name, ScoringFunctionAggregation aggregation) => new(name)
        {
            FunctionAggregation = aggregation,
            Functions =
            {
                new TagScoringFunction("tags", 3, new TagScoringParameters("t")) { Interpolation = ScoringFunctionInterpolation.Constant },
                new MagnitudeScoringFunction("rating", 4, new MagnitudeScoringParameters(0, 10)) { Interpolation = ScoringFunctionInterpolation.Constant },
            },
        };
        var client = await CreateAsync([Profile("sum", ScoringFunctionAggregation.Sum), Profile("first", ScoringFunctionAggregation.FirstMatching)],
            Doc("both", title: "storm", tags: ["x"], rating: 5),
            Doc("second", title: "storm", tags: [], rating: 5));

        var bySum = await IdsAsync(client, "storm", new SearchOptions { ScoringProfile = "sum", ScoringParameters = { "t-x" } });
        var byFirst = await IdsAsync(client, "storm", new SearchOptions { ScoringProfile = "first", ScoringParameters = { "t-x" } });

        Assert.Equal(["both", "second"], bySum);
        Assert.Equal(["second", "both"], byFirst);
    }

    [Theory]
    [InlineData("minimum", "even")]
    [InlineData("maximum", "peak")]
    public async Task FunctionAggregation_MinimumAndMaximum_PickTheirBoost(string aggregation, string expectedFirst)
    {
        // Tag function, constant boost 3; magnitude 0-10, linear boost 5. "even": tag and rating 5 -> boosts 3 and 3;
        // "peak": no tag, rating 10 -> 1 and 5. Minimum: even 3 beats peak 1; maximum: peak 5 beats even 3.
        var profile = new ScoringProfile("p")
        {
            FunctionAggregation = Enum.Parse<ScoringFunctionAggregation>(aggregation, ignoreCase: true),
            Functions =
            {
                new TagScoringFunction("tags", 3, new TagScoringParameters("t")) { Interpolation = ScoringFunctionInterpolation.Constant },
                new MagnitudeScoringFunction("rating", 5, new MagnitudeScoringParameters(0, 10)),
            },
        };
        var client = await CreateAsync([profile],
            Doc("even", title: "storm", tags: ["x"], rating: 5),
            Doc("peak", title: "storm", tags: [], rating: 10));

        var ids = await IdsAsync(client, "storm", new SearchOptions { ScoringProfile = "p", ScoringParameters = { "t-x" } });

        Assert.Equal(expectedFirst, ids[0]);
    }

    [Fact]
    public async Task DefaultScoringProfile_AppliesWhenTheRequestNamesNone()
    {
        var name = TestIndex.NewName();
        var index = Index(name, [new ScoringProfile("body") { TextWeights = new TextWeights(new Dictionary<string, double> { ["body"] = 10 }) }]);
        index.DefaultScoringProfile = "body";
        await fixture.CreateIndexClient().CreateIndexAsync(index);
        var client = fixture.CreateSearchClient(name);
        await UploadAsync(client,
            Doc("t", title: "lighthouse", body: "a story about the sea and the ships at night"),
            Doc("b", title: "a story", body: "lighthouse keepers and the sea and the ships at night"));

        var ids = await IdsAsync(client, "lighthouse", new SearchOptions());

        Assert.Equal(["b", "t"], ids);
    }

    [Fact]
    public async Task Search_UnknownScoringProfile_Throws400()
    {
        var client = await CreateAsync([], Doc("a", title: "x"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<SearchDocument>("x", new SearchOptions { ScoringProfile = "nope" }));

        Assert.Equal(400, error.Status);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIndex_DistanceFunction_Throws400SayingTheEmulatorDoesNotSupportIt()
    {
        var index = Index(TestIndex.NewName(), [new ScoringProfile("geo") { Functions = { new DistanceScoringFunction("location", 2, new DistanceScoringParameters("here", 10)) } }]);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
        Assert.Contains("distance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIndex_TagFunctionWithQuadraticInterpolation_Throws400()
    {
        // Learn (ScoringFunctionInterpolation): quadratic and logarithmic are "not allowed in tag scoring functions".
        var index = Index(TestIndex.NewName(),
            [new ScoringProfile("p") { Functions = { new TagScoringFunction("tags", 2, new TagScoringParameters("t")) { Interpolation = ScoringFunctionInterpolation.Quadratic } } }]);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateIndexClient().CreateIndexAsync(index));

        Assert.Equal(400, error.Status);
    }

    private static SearchDocument Doc(string id, string title, string? body = null, DateTimeOffset? published = null, double? rating = null, string[]? tags = null) =>
        new() { ["id"] = id, ["title"] = title, ["body"] = body, ["published"] = published, ["rating"] = rating, ["tags"] = tags ?? [] };

    private static SearchIndex Index(string name, IEnumerable<ScoringProfile> profiles)
    {
        var index = new SearchIndex(name)
        {
            Fields =
            {
                new SimpleField("id", SearchFieldDataType.String) { IsKey = true },
                new SearchableField("title"),
                new SearchableField("body"),
                new SimpleField("published", SearchFieldDataType.DateTimeOffset) { IsFilterable = true },
                new SimpleField("rating", SearchFieldDataType.Double) { IsFilterable = true },
                new SearchableField("tags", collection: true) { IsFilterable = true },
                new SimpleField("location", SearchFieldDataType.GeographyPoint) { IsFilterable = true },
            },
        };
        foreach (var profile in profiles)
        {
            index.ScoringProfiles.Add(profile);
        }

        return index;
    }

    private async Task<SearchClient> CreateAsync(IEnumerable<ScoringProfile> profiles, params SearchDocument[] documents)
    {
        var name = TestIndex.NewName();
        await fixture.CreateIndexClient().CreateIndexAsync(Index(name, profiles));
        var client = fixture.CreateSearchClient(name);
        await UploadAsync(client, documents);
        return client;
    }

    private static Task UploadAsync(SearchClient client, params SearchDocument[] documents) =>
        client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(documents), new IndexDocumentsOptions { ThrowOnAnyError = true });

    private static async Task<List<string>> IdsAsync(SearchClient client, string text, SearchOptions options)
    {
        options.SearchFields.Clear();
        options.SearchFields.Add("title");
        options.SearchFields.Add("body");

        var response = (await client.SearchAsync<SearchDocument>(text, options)).Value;
        var ids = new List<string>();
        await foreach (var result in response.GetResultsAsync())
        {
            ids.Add((string)result.Document["id"]);
        }

        return ids;
    }
}

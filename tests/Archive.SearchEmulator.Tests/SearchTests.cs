using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class SearchTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task Search_SearchModeAnyVersusAll_OrsOrAndsTerms()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var any = await TestIndex.IdsAsync(client, "storm hotel", new SearchOptions { SearchMode = SearchMode.Any });
        var all = await TestIndex.IdsAsync(client, "storm hotel", new SearchOptions { SearchMode = SearchMode.All });

        Assert.Equal(["a1", "a3", "a4"], any.Order());
        Assert.Equal(["a1"], all);
    }

    [Fact]
    public async Task Search_PhrasePrefixAndOperators_FollowSimpleSyntax()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        Assert.Equal(["a3"], await TestIndex.IdsAsync(client, "\"storm warning\"", new SearchOptions()));
        Assert.Equal(["a2"], await TestIndex.IdsAsync(client, "counc*", new SearchOptions()));
        Assert.Equal(["a4"], await TestIndex.IdsAsync(client, "hotel -harbour", new SearchOptions { SearchMode = SearchMode.All }));
        Assert.Equal(["a1", "a5"], (await TestIndex.IdsAsync(client, "harbour | library", new SearchOptions())).Order());
        Assert.Equal(["a1"], await TestIndex.IdsAsync(client, "hotel + harbour", new SearchOptions()));
    }

    [Fact]
    public async Task Search_SearchFields_RestrictsTheFieldsSearched()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var titleOnly = await TestIndex.IdsAsync(client, "coast", new SearchOptions { SearchFields = { "title" } });
        var everywhere = await TestIndex.IdsAsync(client, "coast", new SearchOptions());

        Assert.Equal(["a3"], titleOnly);
        Assert.Equal(["a3", "a4"], everywhere.Order());
    }

    [Fact]
    public async Task Search_EnglishAnalyzer_MatchesStemsButStandardKeepsStopWords()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        // body uses en.lucene: "archives" and "archived" share the stem; title uses standard.lucene, which keeps "the".
        var stemmed = await TestIndex.IdsAsync(client, "archive", new SearchOptions { SearchFields = { "body" } });
        var stopWord = await TestIndex.IdsAsync(client, "the", new SearchOptions { SearchFields = { "title" } });

        Assert.Equal(["a2"], stemmed);
        Assert.Equal(["a3"], stopWord);
    }

    [Fact]
    public async Task Search_Bm25_RanksShorterFieldWithTermHigher()
    {
        // Arrange: same term frequency, different field lengths; BM25 (b=0.75) favours the shorter field.
        var client = await TestIndex.CreateAsync(fixture,
        [
            new Article { Id = "long", Notes = "lighthouse keeper story with many more words about the sea and ships and weather and birds" },
            new Article { Id = "short", Notes = "lighthouse keeper" },
        ]);

        // Act
        var response = (await client.SearchAsync<Article>("lighthouse", new SearchOptions())).Value;
        var results = new List<SearchResult<Article>>();
        await foreach (var r in response.GetResultsAsync())
        {
            results.Add(r);
        }

        // Assert
        Assert.Equal(["short", "long"], results.Select(r => r.Document.Id));
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public async Task Search_MatchAll_ScoresOneAndCounts()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var response = (await client.SearchAsync<Article>("*", new SearchOptions { IncludeTotalCount = true })).Value;
        var scores = new List<double?>();
        await foreach (var r in response.GetResultsAsync())
        {
            scores.Add(r.Score);
        }

        Assert.Equal(5, response.TotalCount);
        Assert.All(scores, s => Assert.Equal(1.0, s));
    }

    [Fact]
    public async Task Search_OrderByDateDescAndScore_SortsWithNullsLast()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var desc = await TestIndex.IdsAsync(client, null, new SearchOptions { OrderBy = { "published desc", "search.score() desc" } });
        var asc = await TestIndex.IdsAsync(client, null, new SearchOptions { OrderBy = { "published asc" } });

        Assert.Equal(["a4", "a3", "a2", "a1", "a5"], desc);
        Assert.Equal(["a5", "a1", "a2", "a3", "a4"], asc);
    }

    [Fact]
    public async Task Search_OrderByStringAndNumbers_SortsOrdinally()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        Assert.Equal(["a5", "a1", "a3", "a2", "a4"], await TestIndex.IdsAsync(client, null, new SearchOptions { OrderBy = { "author asc", "words desc" } }));
        Assert.Equal(["a5", "a4", "a2", "a3", "a1"], await TestIndex.IdsAsync(client, null, new SearchOptions { OrderBy = { "rating asc" } }));
    }

    [Fact]
    public async Task Search_OrderByNonSortableField_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<Article>("*", new SearchOptions { OrderBy = { "tags" } }));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Search_SelectTopSkip_ReturnsTheRequestedSlice()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new SearchOptions { OrderBy = { "words asc" }, Size = 2, Skip = 1, Select = { "id", "words" } };

        var response = (await client.SearchAsync<SearchDocument>("*", options)).Value;
        var documents = new List<SearchDocument>();
        await foreach (var r in response.GetResultsAsync())
        {
            documents.Add(r.Document);
        }

        Assert.Equal(["a3", "a1"], documents.Select(d => d["id"]));
        Assert.All(documents, d => Assert.Equal(["id", "words"], d.Keys.Order()));
    }

    [Fact]
    public async Task Search_SkipAbove100000_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<Article>("*", new SearchOptions { Skip = 100001 }));

        Assert.Equal(400, error.Status);
        Assert.Equal("ParameterValueOutOfRange", error.ErrorCode);
    }

    [Fact]
    public async Task Search_Highlight_WrapsEachMatchedTermInCustomTags()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new SearchOptions { HighlightFields = { "title", "body" }, HighlightPreTag = "<b>", HighlightPostTag = "</b>" };

        var response = (await client.SearchAsync<Article>("storm", options)).Value;
        var hits = new Dictionary<string, IDictionary<string, IList<string>>>();
        await foreach (var r in response.GetResultsAsync())
        {
            hits[r.Document.Id] = r.Highlights;
        }

        Assert.Equal("<b>Storm</b> warning for the coast", hits["a3"]["title"].Single());
        Assert.Contains("<b>storm</b>", hits["a3"]["body"].Single(), StringComparison.Ordinal);
        Assert.Contains("<b>storms</b>", hits["a1"]["body"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MissingIndex_Throws404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateSearchClient("no-such-index").SearchAsync<Article>("x"));

        Assert.Equal(404, error.Status);
    }
}

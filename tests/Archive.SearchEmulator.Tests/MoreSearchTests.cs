using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class MoreSearchTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task GetResultsAsync_SizeAbove1000_ReturnsAllHitsInPagesOf1000()
    {
        // Arrange
        var documents = Enumerable.Range(0, 1050).Select(i => new Article { Id = $"b{i:D4}", Words = i }).ToList();
        var client = await TestIndex.CreateAsync(fixture, documents.Take(1000));
        await client.UploadDocumentsAsync(documents.Skip(1000), new IndexDocumentsOptions { ThrowOnAnyError = true });
        var response = (await client.SearchAsync<Article>("*", new SearchOptions { Size = 1100, OrderBy = { "words desc" } })).Value;

        // Act
        var pages = new List<Page<SearchResult<Article>>>();
        await foreach (var page in response.GetResultsAsync().AsPages())
        {
            pages.Add(page);
        }

        // Assert
        Assert.Equal([1000, 50], pages.Select(p => p.Values.Count));
        Assert.Equal("b1049", pages[0].Values[0].Document.Id);
        Assert.Equal("b0000", pages[1].Values[^1].Document.Id);
    }

    [Fact]
    public async Task IndexDocuments_MoreThan1000Actions_Throws413AndWritesNothing()
    {
        var client = await TestIndex.CreateAsync(fixture);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadDocumentsAsync(Enumerable.Range(0, 1001).Select(i => new Article { Id = $"x{i}" })));

        Assert.Equal(413, error.Status);
        Assert.Equal(0L, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task Search_HighlightFieldWithCount_LimitsFragments()
    {
        // Arrange: a long body with the term far apart, so fragments are separate.
        var filler = string.Join(' ', Enumerable.Repeat("plain words without the term", 20));
        var body = $"beacon {filler} beacon {filler} beacon {filler} beacon";
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "h1", Body = body }]);

        // Act
        var response = (await client.SearchAsync<Article>("beacon", new SearchOptions { HighlightFields = { "body-2" } })).Value;
        var highlights = new List<string>();
        await foreach (var r in response.GetResultsAsync())
        {
            highlights.AddRange(r.Highlights["body"]);
        }

        // Assert
        Assert.Equal(2, highlights.Count);
        Assert.All(highlights, h => Assert.Contains("<em>beacon</em>", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_HighlightOnNonSearchableField_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<Article>("storm", new SearchOptions { HighlightFields = { "author" } }));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Search_FullQuerySyntax_SupportsFieldedTermsAndBooleans()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new SearchOptions { QueryType = SearchQueryType.Full };

        Assert.Equal(["a4"], await TestIndex.IdsAsync(client, "title:hotel AND NOT title:harbour", options));
        Assert.Equal(["a1", "a3"], (await TestIndex.IdsAsync(client, "title:storm~1", options)).Order());
    }

    [Fact]
    public async Task GetIndexStatistics_AfterUploads_ReportsDocumentCount()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        var statistics = (await fixture.CreateIndexClient().GetIndexStatisticsAsync(client.IndexName)).Value;

        Assert.Equal(5, statistics.DocumentCount);
        Assert.True(statistics.StorageSize > 0);
    }

    [Fact]
    public async Task CreateOrUpdateIndex_OnlyIfUnchangedWithStaleETag_Throws412()
    {
        // Arrange
        var indexClient = fixture.CreateIndexClient();
        var original = (await indexClient.CreateIndexAsync(TestIndex.Definition(TestIndex.NewName()))).Value;
        var changed = (await indexClient.GetIndexAsync(original.Name)).Value;
        changed.Fields.Add(new Azure.Search.Documents.Indexes.Models.SimpleField("extra", Azure.Search.Documents.Indexes.Models.SearchFieldDataType.Int32));
        await indexClient.CreateOrUpdateIndexAsync(changed);

        // Act: the original object still carries the first ETag.
        original.Fields.Add(new Azure.Search.Documents.Indexes.Models.SimpleField("other", Azure.Search.Documents.Indexes.Models.SearchFieldDataType.Int32));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => indexClient.CreateOrUpdateIndexAsync(original, onlyIfUnchanged: true));

        // Assert
        Assert.Equal(412, error.Status);
    }

    [Fact]
    public async Task Search_EmptyResultWithFacets_ReturnsZeroCountsForRanges()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var options = new SearchOptions { Filter = "author eq 'Nobody'", IncludeTotalCount = true, Facets = { "words,values:100", "tags" } };

        var response = (await client.SearchAsync<Article>("*", options)).Value;

        Assert.Equal(0, response.TotalCount);
        Assert.Equal([0L, 0L], response.Facets["words"].Select(f => f.Count!.Value));
        Assert.Empty(response.Facets["tags"]);
    }
}

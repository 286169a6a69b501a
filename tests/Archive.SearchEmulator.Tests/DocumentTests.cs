using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class DocumentTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task IndexDocuments_AllActionsSucceed_Returns200WithCreatedAndUpdatedStatuses()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "old", Title = "old" }]);
        var batch = IndexDocumentsBatch.Create(
            IndexDocumentsAction.Upload(new Article { Id = "new", Title = "new" }),
            IndexDocumentsAction.Upload(new Article { Id = "old", Title = "replaced" }),
            IndexDocumentsAction.Delete(new Article { Id = "never-existed" }));

        // Act
        var response = await client.IndexDocumentsAsync(batch);

        // Assert
        Assert.Equal(200, response.GetRawResponse().Status);
        Assert.Equal([201, 200, 200], response.Value.Results.Select(r => r.Status));
        Assert.All(response.Value.Results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task GetAndSearch_DocumentsOfManySizesOverManyBatches_ComeBackExactlyAsStored()
    {
        // A large first batch is written as plain segment files, the later single-document batches as compound files;
        // bodies from a few bytes to well over the stored-fields chunk size cross every read-buffer boundary.
        var random = new Random(20261128);
        const string Alphabet = "abcdefghij klmnopqrstuvwxyz äöü€ 0123456789";
        string Text(int length) => new(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        var documents = Enumerable.Range(0, 40)
            .Select(i => new Article { Id = "s" + i, Title = "size " + i, Body = Text(i switch { < 10 => i * 7, < 30 => 300 + (i * 997), _ => 20_000 + (i * 1500) }), Tags = [Text(5)], Words = i })
            .ToList();
        var client = await TestIndex.CreateAsync(fixture, documents.Take(25));
        foreach (var document in documents.Skip(25))
        {
            await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload([document]), new IndexDocumentsOptions { ThrowOnAnyError = true });
        }

        foreach (var document in documents)
        {
            var stored = (await client.GetDocumentAsync<Article>(document.Id)).Value;
            Assert.Equal((document.Id, document.Body, document.Tags![0], document.Words), (stored.Id, stored.Body, stored.Tags![0], stored.Words));
        }

        var response = await client.SearchAsync<Article>("*", new SearchOptions { Size = 100, OrderBy = { "words desc" } });
        var found = new List<Article>();
        await foreach (var result in response.Value.GetResultsAsync())
        {
            found.Add(result.Document);
        }

        Assert.Equal(documents.Select(d => (d.Id, d.Body)).Reverse(), found.Select(d => (d.Id, d.Body)));
    }

    [Fact]
    public async Task IndexDocuments_MergeOfMissingDocument_Returns207With404Item()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture);
        var batch = IndexDocumentsBatch.Create(
            IndexDocumentsAction.Upload(new Article { Id = "ok", Title = "fine" }),
            IndexDocumentsAction.Merge(new Article { Id = "missing", Title = "x" }));

        // Act
        var response = await client.IndexDocumentsAsync(batch);

        // Assert
        Assert.Equal(207, response.GetRawResponse().Status);
        var failed = response.Value.Results.Single(r => r.Key == "missing");
        Assert.False(failed.Succeeded);
        Assert.Equal(404, failed.Status);
        Assert.Equal(1L, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task IndexDocuments_ThrowOnAnyErrorWithFailure_ThrowsAggregateException()
    {
        var client = await TestIndex.CreateAsync(fixture);

        await Assert.ThrowsAsync<AggregateException>(() => client.MergeDocumentsAsync([new Article { Id = "missing" }], new IndexDocumentsOptions { ThrowOnAnyError = true }));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("_leading")]
    public async Task IndexDocuments_InvalidKey_Throws400ForWholeBatchAndWritesNothing(string key)
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture);
        var batch = IndexDocumentsBatch.Upload([new Article { Id = "valid-1" }, new Article { Id = key }]);

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.IndexDocumentsAsync(batch));

        // Assert
        Assert.Equal(400, error.Status);
        Assert.Equal("InvalidDocumentKey", error.ErrorCode);
        Assert.Equal(0L, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task IndexDocuments_EmptyKey_Throws400MissingKeyField()
    {
        var client = await TestIndex.CreateAsync(fixture);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadDocumentsAsync([new Article { Id = string.Empty }]));

        Assert.Equal(400, error.Status);
        Assert.Equal("MissingKeyField", error.ErrorCode);
    }

    [Fact]
    public async Task IndexDocuments_UnknownField_Throws400()
    {
        var client = await TestIndex.CreateAsync(fixture);
        var document = new SearchDocument { ["id"] = "k1", ["nosuch"] = "x" };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadDocumentsAsync([document]));

        Assert.Equal(400, error.Status);
        Assert.Contains("nosuch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeDocuments_ExplicitNull_ClearsOnlyThatField()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "m1", Title = "keep", Author = "Ada", Tags = ["a", "b"], Words = 5 }]);
        var merge = new SearchDocument { ["id"] = "m1", ["author"] = null, ["tags"] = new[] { "c" } };

        // Act
        await client.MergeDocumentsAsync([merge], new IndexDocumentsOptions { ThrowOnAnyError = true });
        var document = (await client.GetDocumentAsync<Article>("m1")).Value;

        // Assert
        Assert.Null(document.Author);
        Assert.Equal("keep", document.Title);
        Assert.Equal(["c"], document.Tags!);
        Assert.Equal(5, document.Words);
    }

    [Fact]
    public async Task MergeOrUploadDocuments_NewAndExisting_UploadsAndMerges()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "e1", Title = "first", Words = 1 }]);

        // Act
        var response = await client.MergeOrUploadDocumentsAsync([new SearchDocument { ["id"] = "e1", ["words"] = 2 }, new SearchDocument { ["id"] = "n1", ["title"] = "fresh" }]);
        var merged = (await client.GetDocumentAsync<Article>("e1")).Value;

        // Assert
        Assert.Equal([200, 201], response.Value.Results.Select(r => r.Status));
        Assert.Equal("first", merged.Title);
        Assert.Equal(2, merged.Words);
        Assert.Equal("fresh", (await client.GetDocumentAsync<Article>("n1")).Value.Title);
    }

    [Fact]
    public async Task DeleteDocuments_Existing_RemovesFromLookupAndSearch()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        await client.DeleteDocumentsAsync("id", ["a1"]);

        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => client.GetDocumentAsync<Article>("a1"))).Status);
        Assert.DoesNotContain("a1", await TestIndex.IdsAsync(client, "harbour", new SearchOptions()));
        Assert.Equal(4L, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task GetDocument_WithSelect_ReturnsOnlySelectedFieldsAndUtcMillisecondDates()
    {
        // Arrange
        var published = new DateTimeOffset(2017, 1, 13, 14, 3, 0, 123, TimeSpan.FromHours(-8));
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "d1", Title = "t", Author = "Ada", Published = published }]);

        // Act
        var document = (await client.GetDocumentAsync<SearchDocument>("d1", new GetDocumentOptions { SelectedFields = { "id", "published" } })).Value;

        // Assert
        Assert.Equal(["id", "published"], document.Keys.Order());
        Assert.Equal(new DateTimeOffset(2017, 1, 13, 22, 3, 0, 123, TimeSpan.Zero), document.GetDateTimeOffset("published"));
    }

    [Fact]
    public async Task GetDocument_KeyWithBase64UrlCharacters_IsFound()
    {
        var client = await TestIndex.CreateAsync(fixture, [new Article { Id = "YXJ0aWNsZXMvMjAyNC9hLmh0bWw=-_x", Title = "encoded" }]);

        var document = (await client.GetDocumentAsync<Article>("YXJ0aWNsZXMvMjAyNC9hLmh0bWw=-_x")).Value;

        Assert.Equal("encoded", document.Title);
    }

    [Fact]
    public async Task GetDocument_MissingKeyOrIndex_Throws404()
    {
        var client = await TestIndex.CreateAsync(fixture);

        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => client.GetDocumentAsync<Article>("nope"))).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => fixture.CreateSearchClient("no-such-index").GetDocumentCountAsync())).Status);
    }

    [Fact]
    public async Task GetDocumentCount_AfterUploads_CountsDocuments()
    {
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());

        Assert.Equal(5L, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task Search_RightAfterAcknowledgedWrite_SeesTheWrite()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture);

        // Act
        await client.UploadDocumentsAsync([new Article { Id = "ryw", Title = "zebra crossing" }]);
        var ids = await TestIndex.IdsAsync(client, "zebra", new SearchOptions());

        // Assert
        Assert.Equal(["ryw"], ids);
    }
}

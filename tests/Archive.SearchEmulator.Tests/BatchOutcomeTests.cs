using Archive.Testing;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// Per-document outcomes and service limits. Statuses: "Add, Update or Delete Documents" and IndexingResult.Status
/// ("400 for a malformed input document, 404 for document not found, 409 for a version conflict, 422 when the index is
/// temporarily unavailable, or 503 for when the service is too busy"), HTTP status codes (207 "Some documents
/// succeeded, but at least one failed"); limits: "Service limits in Azure AI Search" (16 MB payload, 32,766-byte terms,
/// 10 fields in a vector query).
/// </summary>
[Collection(SearchEmulatorCollection.Name)]
public sealed class BatchOutcomeTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task IndexDocuments_TermTooLargeAndMissingMerge_207WithThoseItemsFailingOthersIndexed()
    {
        // Arrange: 'title' is filterable, so its whole value is one term; 'body' is not, so a long body is fine.
        var client = await TestIndex.CreateAsync(fixture);
        var batch = IndexDocumentsBatch.Create(
            IndexDocumentsAction.Upload(new Article { Id = "ok", Title = "fine", Body = new string('b', 40_000) }),
            IndexDocumentsAction.Upload(new Article { Id = "huge", Title = new string('t', ItemOutcomesLimit + 1) }),
            IndexDocumentsAction.Merge(new Article { Id = "missing", Title = "nobody" }));

        // Act
        var response = await client.IndexDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = false });
        var results = response.Value.Results.ToDictionary(r => r.Key);

        // Assert
        Assert.Equal(207, response.GetRawResponse().Status);
        Assert.True(results["ok"].Succeeded);
        Assert.Equal(201, results["ok"].Status);
        Assert.Equal(400, results["huge"].Status);
        Assert.Contains("too large", results["huge"].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(404, results["missing"].Status);
        Assert.Equal(1, (await client.GetDocumentCountAsync()).Value);
        Assert.Equal("fine", (await client.GetDocumentAsync<Article>("ok")).Value.Title);
    }

    [Fact]
    public async Task IndexDocuments_TermOfExactlyTheLimit_Indexed()
    {
        // Arrange: 32,766 bytes is the largest term Azure accepts.
        var client = await TestIndex.CreateAsync(fixture);

        // Act
        var response = await client.UploadDocumentsAsync([new Article { Id = "edge", Title = new string('t', ItemOutcomesLimit) }]);

        // Assert
        Assert.Equal(200, response.GetRawResponse().Status);
        Assert.Equal(1, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task IndexDocuments_ItemFaultRateOne_EveryItemFailsWith409AndNothingIsWritten()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture);
        await fixture.SetFaultsAsync(new SearchEmulatorFaults(Statuses: [409], ItemRate: 1));
        try
        {
            // Act
            var response = await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(TestIndex.Corpus()), new IndexDocumentsOptions { ThrowOnAnyError = false });

            // Assert
            Assert.Equal(207, response.GetRawResponse().Status);
            Assert.All(response.Value.Results, r => Assert.Equal(409, r.Status));
            Assert.All(response.Value.Results, r => Assert.False(r.Succeeded));
        }
        finally
        {
            await fixture.SetFaultsAsync(SearchEmulatorFaults.None);
        }

        Assert.Equal(0, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task IndexDocuments_ItemFaultRateHalf_ExactlyTheSucceededItemsAreIndexed()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture);
        var documents = Enumerable.Range(0, 200).Select(i => new Article { Id = $"d{i}", Title = $"document {i}" }).ToList();
        IndexDocumentsResult result;
        await fixture.SetFaultsAsync(new SearchEmulatorFaults(ItemRate: 0.5));
        try
        {
            // Act
            result = (await client.IndexDocumentsAsync(IndexDocumentsBatch.Upload(documents), new IndexDocumentsOptions { ThrowOnAnyError = false })).Value;
        }
        finally
        {
            await fixture.SetFaultsAsync(SearchEmulatorFaults.None);
        }

        // Assert: some of each (all one way has a chance of 2^-199), failures are 503, and the index holds the rest.
        var succeeded = result.Results.Where(r => r.Succeeded).Select(r => r.Key).ToHashSet();
        Assert.InRange(succeeded.Count, 1, 199);
        Assert.All(result.Results.Where(r => !r.Succeeded), r => Assert.Equal(503, r.Status));
        Assert.Equal(succeeded.Count, (await client.GetDocumentCountAsync()).Value);
        var failedKey = result.Results.First(r => !r.Succeeded).Key;
        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => client.GetDocumentAsync<Article>(failedKey))).Status);
    }

    [Fact]
    public async Task IndexDocuments_TwentyMegabyteBody_Refused413AndNotIndexed()
    {
        // Arrange: a 20 MB article body, over Azure's 16 MB payload limit.
        var client = await TestIndex.CreateAsync(fixture);
        var article = new Article { Id = "big", Title = "big", Body = new string('x', 20 * 1024 * 1024) };

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadDocumentsAsync([article]));

        // Assert
        Assert.Equal(413, error.Status);
        Assert.Equal(0, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task VectorQuery_ElevenFields_Is400()
    {
        // Arrange
        var client = await VectorIndex.CreateAsync(fixture);
        var fields = string.Join(",", Enumerable.Repeat("euc", 11));

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.SearchAsync<SearchDocument>(null, VectorIndex.Options([1, 0, 0], 1, fields)));

        // Assert
        Assert.Equal(400, error.Status);
        Assert.Contains("at most 10 fields", error.Message, StringComparison.Ordinal);
    }

    private const int ItemOutcomesLimit = 32766;
}

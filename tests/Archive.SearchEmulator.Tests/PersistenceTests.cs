using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class PersistenceTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task RestartAsync_KillNineRightAfterAcknowledgedWrites_IndexAndDocumentsSurvive()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(fixture, TestIndex.Corpus());
        var indexName = client.IndexName;
        var certificateBefore = await File.ReadAllTextAsync(fixture.CertificatePath);
        await client.MergeDocumentsAsync([new SearchDocument { ["id"] = "a2", ["author"] = "Dora" }], new IndexDocumentsOptions { ThrowOnAnyError = true });
        var last = await client.UploadDocumentsAsync([new Article { Id = "last-write", Title = "written just before the crash" }]);
        Assert.Equal(200, last.GetRawResponse().Status);

        // Act: SIGKILL immediately after the acknowledgement, then start again on the same data folder.
        await fixture.RestartAsync();
        var after = fixture.CreateSearchClient(indexName);

        // Assert
        Assert.Equal(6L, (await after.GetDocumentCountAsync()).Value);
        Assert.Equal("written just before the crash", (await after.GetDocumentAsync<Article>("last-write")).Value.Title);
        Assert.Equal("Dora", (await after.GetDocumentAsync<Article>("a2")).Value.Author);
        Assert.Equal(["last-write"], await TestIndex.IdsAsync(after, "crash", new SearchOptions()));
        Assert.Contains((await fixture.CreateIndexClient().GetIndexAsync(indexName)).Value.Suggesters, s => s.Name == "sg");
        Assert.Equal(certificateBefore, await File.ReadAllTextAsync(fixture.CertificatePath));
    }
}

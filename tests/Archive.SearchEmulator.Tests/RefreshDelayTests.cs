using System.Diagnostics;
using Archive.Testing;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Models;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// <c>--refresh-delay-ms</c>: Azure acknowledges an indexing batch before the documents are searchable (the
/// "Add, update or delete documents" REST reference: indexing is asynchronous, documents become searchable a few
/// seconds later), so the emulator can hold a write back from searches, lookups and counts for a set time.
/// </summary>
public sealed class RefreshDelayTests : IAsyncLifetime
{
    private const int DelayMs = 3000;
    private readonly SearchEmulatorFixture emulator = SearchEmulatorFixture.WithRefreshDelay(DelayMs);

    public Task InitializeAsync() => emulator.InitializeAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public async Task Upload_WithRefreshDelay_InvisibleRightAfterTheAcknowledgementVisibleAfterTheDelay()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(emulator);
        var clock = Stopwatch.StartNew();

        // Act
        await client.UploadDocumentsAsync(TestIndex.Corpus(), new IndexDocumentsOptions { ThrowOnAnyError = true });
        var acknowledgedAfter = clock.Elapsed;
        var searchedAtOnce = await TestIndex.IdsAsync(client, "storm", new SearchOptions());
        var lookedUpAtOnce = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetDocumentAsync<Article>("a1"));
        var countedAtOnce = (await client.GetDocumentCountAsync()).Value;
        var checkedAfter = clock.Elapsed;
        var found = await Poll.UntilAsync(async () => (await TestIndex.IdsAsync(client, "storm", new SearchOptions())).Count == 2, TimeSpan.FromSeconds(60), "the upload to become searchable");
        var visibleAfter = clock.Elapsed;

        // Assert: the checks ran well within the delay, so they had to see nothing; then everything shows.
        Assert.True(checkedAfter - acknowledgedAfter < TimeSpan.FromMilliseconds(DelayMs / 2), $"the checks took {checkedAfter - acknowledgedAfter}");
        Assert.Empty(searchedAtOnce);
        Assert.Equal(404, lookedUpAtOnce.Status);
        Assert.Equal(0, countedAtOnce);
        Assert.True(found);
        Assert.True(visibleAfter - acknowledgedAfter >= TimeSpan.FromMilliseconds(DelayMs * 0.9), $"visible after {visibleAfter - acknowledgedAfter}");
        Assert.Equal("Ada", (await client.GetDocumentAsync<Article>("a1")).Value.Author);
        Assert.Equal(5, (await client.GetDocumentCountAsync()).Value);
    }

    [Fact]
    public async Task MergeRightAfterUpload_WithRefreshDelay_SeesTheUnrefreshedDocument()
    {
        // Arrange: a merge is checked against the index's latest state, not the state searches see.
        var client = await TestIndex.CreateAsync(emulator);
        await client.UploadDocumentsAsync([new Article { Id = "m1", Title = "first" }], new IndexDocumentsOptions { ThrowOnAnyError = true });

        // Act
        var merged = await client.MergeDocumentsAsync([new SearchDocument { ["id"] = "m1", ["author"] = "Ben" }], new IndexDocumentsOptions { ThrowOnAnyError = true });
        var document = await Poll.UntilAsync(
            async () => await client.GetDocumentAsync<Article>("m1").ContinueWith(t => t.IsCompletedSuccessfully && t.Result.Value.Author == "Ben" ? t.Result.Value : null),
            TimeSpan.FromSeconds(60),
            "the merge to become visible");

        // Assert
        Assert.Equal(200, merged.GetRawResponse().Status);
        Assert.Equal("first", document.Title);
    }

    [Fact]
    public async Task RestartAsync_KillNineRightAfterAcknowledgement_WriteSurvivesDespiteTheDelay()
    {
        // Arrange
        var client = await TestIndex.CreateAsync(emulator);
        await client.UploadDocumentsAsync([new Article { Id = "k1", Title = "written before the crash" }], new IndexDocumentsOptions { ThrowOnAnyError = true });

        // Act: SIGKILL before the write was ever visible.
        await emulator.RestartAsync();
        var after = emulator.CreateSearchClient(client.IndexName);
        var title = await Poll.UntilAsync(
            async () => await after.GetDocumentAsync<Article>("k1").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.Value.Title : null),
            TimeSpan.FromSeconds(60),
            "the document after the restart");

        // Assert
        Assert.Equal("written before the crash", title);
    }
}

using System.Text.Json;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Archive.Cli.Tests;

/// <summary><c>archive replay-poison</c> against Azurite and the search emulator, with poison messages as the WebJobs blob trigger writes them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplayPoisonTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly SearchEmulatorFixture search = new();
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    private BlobContainerClient Articles => azurite.CreateBlobServiceClient().GetBlobContainerClient("articles-" + suffix);

    private QueueClient Poison => new(azurite.ConnectionString, "poison-" + suffix, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public async Task InitializeAsync()
    {
        await search.InitializeAsync();
        await search.CreateIndexClient().CreateOrUpdateIndexAsync(ArticleIndex.Build("articles-" + suffix));
        await Articles.CreateIfNotExistsAsync();
        await Poison.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await Poison.DeleteIfExistsAsync();
        await Articles.DeleteIfExistsAsync();
        await search.DisposeAsync();
    }

    [Fact]
    public async Task ReplayPoison_SearchBack_IndexesEachBlobAndEmptiesTheQueue_LeavesOtherFunctionsMessages()
    {
        // Arrange: two poisoned uploads, one gone since, and a message of another function.
        await UploadAsync("a/one.txt", "Title: Harbour dredging\nDate: 2024-02-01\n\nDredging of the harbour starts next week.");
        await UploadAsync("b/two.txt", "Title: Library hours\nDate: 2024-02-02\n\nThe library opens later on Sundays from March.");
        await PoisonAsync("Host.Functions.IngestArticle", "a/one.txt");
        await PoisonAsync("Host.Functions.IngestArticle", "b/two.txt");
        await PoisonAsync("Host.Functions.IngestArticle", "c/deleted-since.txt");
        await PoisonAsync("Host.Functions.SomethingElse", "a/one.txt");

        // Act
        var exit = await RunAsync();

        // Assert
        Assert.Equal(0, exit);
        var client = search.CreateSearchClient("articles-" + suffix);
        await search.WaitForRefreshAsync();
        Assert.Equal(2L, (await client.GetDocumentCountAsync()).Value);
        var left = (await Poison.PeekMessagesAsync(32)).Value;
        Assert.Single(left);
        Assert.Contains("SomethingElse", left[0].Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayPoison_SearchStillDown_ExitsNonZeroAndKeepsTheMessages()
    {
        await UploadAsync("down.txt", "Title: Bus strike\nDate: 2024-03-01\n\nBuses stop for a day on Friday.");
        await PoisonAsync("Host.Functions.IngestArticle", "down.txt");
        await search.SetFaultsAsync(new SearchEmulatorFaults(FailAllForSeconds: 600));
        int exit;
        try
        {
            exit = await RunAsync();
        }
        finally
        {
            await search.SetFaultsAsync(SearchEmulatorFaults.None);
        }

        Assert.NotEqual(0, exit);
        Assert.Single((await Poison.PeekMessagesAsync(32)).Value);
    }

    private async Task UploadAsync(string name, string text) =>
        await Articles.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);

    private async Task PoisonAsync(string functionId, string blobName) =>
        await Poison.SendMessageAsync(JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = functionId,
            BlobType = "BlockBlob",
            ContainerName = Articles.Name,
            BlobName = blobName,
            ETag = "\"0x8DC0000000000\"",
        }));

    private Task<int> RunAsync() =>
        ArchiveCommand.Create().Parse(
        [
            "replay-poison", "--quiet",
            "--queue-connection", azurite.ConnectionString, "--queue", Poison.Name,
            "--connection", azurite.ConnectionString, "--container", Articles.Name,
            "--search-endpoint", search.Endpoint.ToString(), "--search-key", search.ApiKey,
            "--index", "articles-" + suffix, "--search-certificate", search.CertificatePath,
        ]).InvokeAsync();
}

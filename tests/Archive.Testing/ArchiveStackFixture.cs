using System.Net.Http.Json;
using System.Text.Json;
using Archive.Core.Search;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Archive.Testing;

/// <summary>
/// The whole archive, as <c>./run.sh</c> runs it without Core Tools: Azurite, Archive.SearchEmulator, the index
/// ensured, and Archive.DevHost running the real Archive.Functions build output as the worker.
/// </summary>
public sealed class ArchiveStackFixture : IAsyncLifetime
{
    public const string ArticlesContainer = "articles";
    public const string RejectedContainer = "articles-rejected";
    public const string DeletionsQueue = "article-deletions";
    public const string IndexName = "articles";

    public AzuriteFixture Azurite { get; } = new();

    public SearchEmulatorFixture Search { get; } = new();

    public DevHostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public BlobContainerClient Articles => Azurite.CreateBlobServiceClient().GetBlobContainerClient(ArticlesContainer);

    public BlobContainerClient Rejected => Azurite.CreateBlobServiceClient().GetBlobContainerClient(RejectedContainer);

    /// <summary>The queue Event Grid writes BlobDeleted events to (plain JSON, as Event Grid sends them).</summary>
    public QueueClient Deletions => new(Azurite.ConnectionString, DeletionsQueue);

    public QueueClient Poison => new(Azurite.ConnectionString, "webjobs-blobtrigger-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public IReadOnlyDictionary<string, string> Environment => ArchiveAppSettings.For(Azurite, Search, IndexName);

    /// <summary>
    /// Starts Azurite and the search emulator and creates what the app expects to find: the index, the articles and
    /// rejected containers, the deletions queue. Shared with the reliability harness, which composes the same stack.
    /// </summary>
    public static async Task StartStorageAndSearchAsync(AzuriteFixture azurite, SearchEmulatorFixture search, string indexName)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(search);
        await Task.WhenAll(azurite.InitializeAsync(), search.InitializeAsync()).ConfigureAwait(false);
        await search.CreateIndexClient().CreateOrUpdateIndexAsync(ArticleIndex.Build(indexName)).ConfigureAwait(false);
        var blobs = azurite.CreateBlobServiceClient();
        await blobs.GetBlobContainerClient(ArticlesContainer).CreateIfNotExistsAsync().ConfigureAwait(false);
        await blobs.GetBlobContainerClient(RejectedContainer).CreateIfNotExistsAsync().ConfigureAwait(false);
        await new QueueClient(azurite.ConnectionString, DeletionsQueue).CreateIfNotExistsAsync().ConfigureAwait(false);
    }

    public async Task InitializeAsync()
    {
        await StartStorageAndSearchAsync(Azurite, Search, IndexName);

        Host = DevHostProcess.Start(FreePort.Next(), Environment, "--app", DevHostProcess.BuildOutput("Archive.Functions"), "--host-id", "archive-e2e");
        await Host.WaitUntilRunningAsync(TimeSpan.FromSeconds(120));
        Client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Search.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>Uploads (or overwrites) one blob in the articles container.</summary>
    public async Task UploadAsync(string name, byte[] content)
    {
        await Articles.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
    }

    /// <summary>GET a JSON document from the app; null for 404.</summary>
    public async Task<JsonElement?> GetJsonAsync(string relative)
    {
        using var response = await Client.GetAsync(new Uri(relative, UriKind.Relative));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Polls <c>/api/search</c> until <paramref name="accept"/> holds for the response.</summary>
    public async Task<JsonElement> SearchUntilAsync(string query, Func<JsonElement, bool> accept, TimeSpan? timeout = null) =>
        (JsonElement)await Poll.UntilAsync<object>(
            async () =>
            {
                var result = await GetJsonAsync("api/search?" + query);
                return result is { } r && accept(r) ? (object)r : null;
            },
            timeout ?? TimeSpan.FromSeconds(60),
            $"search '{query}'\n--- dev host output ---\n{Host.Output}").ConfigureAwait(false);

    /// <summary>Polls a GET until it answers 200 and returns the JSON.</summary>
    public async Task<JsonElement> GetUntilFoundAsync(string relative, TimeSpan timeout) =>
        (JsonElement)await Poll.UntilAsync<object>(
            async () => await GetJsonAsync(relative) is { } found ? found : null,
            timeout,
            $"GET {relative}\n--- dev host output ---\n{Host.Output}").ConfigureAwait(false);

    /// <summary>The document id the app gives a blob: URL-safe base64 of container/path.</summary>
    public static string IdOf(string blobName) => DocumentKey.For(ArticlesContainer, blobName);
}

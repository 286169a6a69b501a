using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Archive.DevHost.Tests;

/// <summary>Azurite plus one dev host running the test worker, shared by the tests of <see cref="DevHostCollection"/>.</summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public DevHostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The settings the worker and listeners get (as environment variables).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["TestStorage"] = Azurite.ConnectionString,
        ["AzureWebJobsStorage"] = Azurite.ConnectionString,
    };

    /// <summary>
    /// A local.settings.json for the dev host: the blob trigger's container name comes from here
    /// (<c>Samples__Container</c>, resolved in <c>%Samples:Container%</c>), as the app's settings do.
    /// </summary>
    public string SettingsFile { get; } = Path.Combine(Path.GetTempPath(), $"devhost-tests-{Guid.NewGuid():N}.settings.json");

    public BlobContainerClient Container(string name) => Azurite.CreateBlobServiceClient().GetBlobContainerClient(name);

    /// <summary>A base64 queue client, as the WebJobs blob trigger's own queues (e.g. webjobs-blobtrigger-poison) use.</summary>
    public QueueClient Queue(string name) => new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>A plain-text queue client: the test worker's host.json sets queues messageEncoding "none", like the app's.</summary>
    public QueueClient PlainQueue(string name) => new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await Container("samples").CreateIfNotExistsAsync();
        await File.WriteAllTextAsync(SettingsFile, """{ "IsEncrypted": false, "Values": { "Samples__Container": "samples", "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated" } }""");
        Host = DevHostProcess.Start(FreePort.Next(), Environment, "--app", DevHostProcess.TestWorkerOutput, "--settings", SettingsFile, "--host-id", "devhost-tests-main");
        await Host.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
        Client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        File.Delete(SettingsFile);
    }
}

using System.Security.Cryptography;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;

namespace Archive.Testing;

/// <summary>
/// Starts Archive.SearchEmulator as a real process (free loopback port, temporary data folder, random api key) and
/// hands out SDK clients pinned to its certificate. Share it with a collection fixture.
/// </summary>
public class SearchEmulatorFixture : IAsyncLifetime
{
    /// <summary>
    /// The refresh delay the archive's integration and end-to-end tests run the emulator with: Azure makes a write
    /// searchable a few seconds after acknowledging it, so code (or a test) that reads its own writes must wait for them.
    /// </summary>
    public const int IntegrationRefreshDelayMs = 1000;

    private readonly string[] arguments;
    private SearchEmulatorServer? server;
    private int? stoppedPort;

    /// <summary>The temporary folder the emulator keeps its indexes and certificate in.</summary>
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "archive-search-" + Guid.NewGuid().ToString("N"));

    public SearchEmulatorFixture()
        : this(IntegrationRefreshDelayMs)
    {
    }

    /// <param name="refreshDelayMs">How long after its acknowledgement a write becomes visible (<c>--refresh-delay-ms</c>).</param>
    protected SearchEmulatorFixture(int refreshDelayMs)
    {
        RefreshDelay = TimeSpan.FromMilliseconds(refreshDelayMs);
        arguments = ["--refresh-delay-ms", refreshDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture)];
    }

    /// <summary>A fixture (not started yet) whose emulator runs with another refresh delay (0: writes visible at once).</summary>
    public static SearchEmulatorFixture WithRefreshDelay(int refreshDelayMs) => new Custom(refreshDelayMs);

    /// <summary>How long after its acknowledgement a write becomes visible to searches, lookups and counts.</summary>
    public TimeSpan RefreshDelay { get; }

    public Uri Endpoint => Server.Endpoint;

    /// <summary>
    /// Waits out the refresh delay: every write acknowledged before the call is visible to searches, lookups and counts
    /// when it returns (the emulator publishes a write exactly <see cref="RefreshDelay"/> after acknowledging it). A
    /// test calls it between steps it means to be seconds apart, as separate events are in Azure; code under test
    /// that reads its own writes within one step still meets the delay.
    /// </summary>
    public Task WaitForRefreshAsync() =>
        RefreshDelay > TimeSpan.Zero ? Task.Delay(RefreshDelay + TimeSpan.FromMilliseconds(100)) : Task.CompletedTask;

    public string ApiKey { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The emulator's certificate (PEM); clients pin it through <see cref="SearchClientOptionsFactory"/>.</summary>
    public string CertificatePath => Server.CertificatePath;

    private SearchEmulatorServer Server => server ?? throw new InvalidOperationException("The search emulator is not running.");

    public SearchIndexClient CreateIndexClient() =>
        new(Endpoint, new AzureKeyCredential(ApiKey), SearchClientOptionsFactory.Create(CertificatePath));

    public SearchClient CreateSearchClient(string indexName) =>
        new(Endpoint, indexName, new AzureKeyCredential(ApiKey), SearchClientOptionsFactory.Create(CertificatePath));

    /// <summary>Replaces the running emulator's injected faults; <see cref="SearchEmulatorFaults.None"/> switches them off.</summary>
    public Task<SearchEmulatorFaults.State> SetFaultsAsync(SearchEmulatorFaults faults) => Server.SetFaultsAsync(faults);

    /// <summary>Kills the emulator with SIGKILL (no clean shutdown) and starts it again on the same port and data folder.</summary>
    public async Task RestartAsync()
    {
        var port = Server.Port;
        await Server.DisposeAsync().ConfigureAwait(false);
        server = await SearchEmulatorServer.StartAsync(dataDirectory, ApiKey, port, extraArguments: arguments).ConfigureAwait(false);
    }

    /// <summary>Stops the emulator (SIGKILL) and leaves it down until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        stoppedPort = Server.Port;
        await Server.DisposeAsync().ConfigureAwait(false);
        server = null;
    }

    /// <summary>Starts the emulator again on the port and data folder it had before <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        var port = stoppedPort ?? throw new InvalidOperationException("The search emulator was not stopped.");
        server = await SearchEmulatorServer.StartAsync(dataDirectory, ApiKey, port, extraArguments: arguments).ConfigureAwait(false);
        stoppedPort = null;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        server = await SearchEmulatorServer.StartAsync(dataDirectory, ApiKey, extraArguments: arguments).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private sealed class Custom(int refreshDelayMs) : SearchEmulatorFixture(refreshDelayMs);
}

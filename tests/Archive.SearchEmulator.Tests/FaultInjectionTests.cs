using System.Net;
using System.Security.Cryptography.X509Certificates;
using Archive.Core.Search;
using Archive.Testing;
using Azure;
using Azure.Search.Documents.Indexes;

namespace Archive.SearchEmulator.Tests;

/// <summary>Fault injection runs on its own emulator process so the shared one never fails other tests.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "archive-search-faults-" + Guid.NewGuid().ToString("N"));
    private readonly string apiKey = Guid.NewGuid().ToString("N");
    private SearchEmulatorServer server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDirectory);
        server = await SearchEmulatorServer.StartAsync(dataDirectory, apiKey, extraArguments: ["--fault-all-for-seconds", "3600", "--fault-status", "429,503"]);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task FailAll_AtStart_DataPlaneAnswers429Or503WithRetryAfter_ReadinessAndAdminStillAnswer()
    {
        using var http = Client();

        using var faulted = await http.GetAsync(new Uri(server.Endpoint, "/indexes"));
        using var ready = await http.GetAsync(new Uri(server.Endpoint, "/servicestats"));
        using var admin = await http.GetAsync(new Uri(server.Endpoint, "/admin/faults"));

        Assert.Contains(faulted.StatusCode, new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable });
        Assert.Equal(TimeSpan.FromSeconds(1), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task SetFaults_None_SdkCallsSucceedAgain()
    {
        var options = SearchClientOptionsFactory.Create(server.CertificatePath);
        options.Retry.MaxRetries = 0;
        var client = new SearchIndexClient(server.Endpoint, new AzureKeyCredential(apiKey), options);
        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateOrUpdateIndexAsync(ArticleIndex.Build("faults")));

        var state = await server.SetFaultsAsync(SearchEmulatorFaults.None);
        await client.CreateOrUpdateIndexAsync(ArticleIndex.Build("faults"));

        Assert.Contains(failed.Status, new[] { 429, 503 });
        Assert.True(state.Injected >= 1);
        Assert.Equal(0, state.FailAllRemainingSeconds);
    }

    [Fact]
    public async Task SetFaults_RateOne_EveryDataPlaneCallFailsWithAChosenStatus_AndSdkRetriesHonourRetryAfter()
    {
        await server.SetFaultsAsync(new SearchEmulatorFaults(Rate: 1, Statuses: [429]));
        var options = SearchClientOptionsFactory.Create(server.CertificatePath);
        options.Retry.MaxRetries = 2;
        var client = new SearchIndexClient(server.Endpoint, new AzureKeyCredential(apiKey), options);

        var failed = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetIndexAsync("anything"));
        var state = await server.SetFaultsAsync(SearchEmulatorFaults.None);

        Assert.Equal(429, failed.Status);
        Assert.True(state.Injected >= 3, $"one call and two retries should all be faulted, injected {state.Injected}");
    }

    [Fact]
    public async Task SetFaults_InvalidRate_Answers400AndKeepsSettings()
    {
        using var http = Client();
        using var content = new StringContent("""{"rate": 2}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(server.Endpoint, "/admin/faults"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Client()
    {
        using var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(server.CertificatePath));
        var http = new HttpClient(SearchClientOptionsFactory.CreatePinnedHandler(pinned));
        http.DefaultRequestHeaders.Add("api-key", apiKey);
        return http;
    }
}

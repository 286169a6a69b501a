using Archive.Core.Api;
using Archive.Core.Extraction;
using Archive.Core.Ingestion;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Core.Pipeline;
using Azure.Search.Documents;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Core.Tests.Integration;

/// <summary>
/// Archive.Core composed the way the app composes it (AddArchiveCore over configuration) against the real Azurite and
/// the real search emulator, with a fresh container pair and index per test, and the fake extractor.
/// </summary>
internal sealed class LocalStack : IAsyncDisposable
{
    private readonly SearchEmulatorFixture emulator;

    private LocalStack(ServiceProvider services, Dictionary<string, string?> settings, SearchEmulatorFixture emulator)
    {
        this.emulator = emulator;
        Services = services;
        Settings = settings;
    }

    public ServiceProvider Services { get; }

    public Dictionary<string, string?> Settings { get; }

    public FakeArticleExtractor Extractor => (FakeArticleExtractor)Services.GetRequiredService<IArticleExtractor>();

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public BlobContainerClient Articles => Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Settings["Archive:ArticlesContainer"]);

    public BlobContainerClient Rejected => Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Settings["Archive:RejectedContainer"]);

    public SearchClient Search => Services.GetRequiredService<SearchClient>();

    public IArticleIngestor Ingestor => Services.GetRequiredService<IArticleIngestor>();

    public ArticleSearchService Api => Services.GetRequiredService<ArticleSearchService>();

    public static async Task<LocalStack> StartAsync(AzuriteFixture azurite, SearchEmulatorFixture emulator, Action<IServiceCollection>? configure = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            ["ArticlesStorage"] = azurite.ConnectionString,
            ["Archive:ArticlesContainer"] = "articles-" + suffix,
            ["Archive:RejectedContainer"] = "rejected-" + suffix,
            ["Search:Endpoint"] = emulator.Endpoint.ToString(),
            ["Search:IndexName"] = "articles-" + suffix,
            ["Search:Credential"] = "apikey",
            ["Search:ApiKey"] = emulator.ApiKey,
            ["Search:CertificatePath"] = emulator.CertificatePath,
        };
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)))
            .AddArchiveCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        // These tests drive outcomes through the fake extractor, whatever extraction AddArchiveCore registers.
        collection.Replace(ServiceDescriptor.Singleton<IArticleExtractor>(new FakeArticleExtractor()));
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var stack = new LocalStack(services, settings, emulator);
        await services.GetRequiredService<SearchIndexCheck>().EnsureAsync(default);
        await stack.Articles.CreateAsync();
        return stack;
    }

    public async Task<BlobClient> UploadAsync(string name, string text, string contentType = "text/plain")
    {
        var blob = Articles.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(text), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
        return blob;
    }

    /// <summary>Ingests the blob as its trigger would, then waits out the emulator's refresh delay (the next event comes later).</summary>
    public async Task<IngestionResult> IngestAsync(string name)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        var result = await Ingestor.IngestAsync(Articles.GetBlobClient(name), default);
        await SettleAsync();
        return result;
    }

    /// <summary>Waits until every write acknowledged so far is visible (see <see cref="SearchEmulatorFixture.WaitForRefreshAsync"/>).</summary>
    public Task SettleAsync() => emulator.WaitForRefreshAsync();

    public async Task<ArticleDocument?> GetAsync(string name) => await Api.GetAsync(DocumentKey.For(Articles.Name, name), default);

    public async Task<List<ArticleDocument>> AllAsync()
    {
        var options = new Azure.Search.Documents.SearchOptions { Size = 1000 };
        var response = await Search.SearchAsync<ArticleDocument>("*", options);
        var all = new List<ArticleDocument>();
        await foreach (var r in response.Value.GetResultsAsync())
        {
            all.Add(r.Document);
        }

        return all;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>Answers 503 to document indexing requests (a transient search failure) without sending them; everything else passes.</summary>
    public sealed class FailIndexingPolicy : HttpPipelinePolicy
    {
        public int Failed { get; private set; }

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (IsIndexing(message))
            {
                Failed++;
                message.Response = new FailedResponse();
                return;
            }

            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (IsIndexing(message))
            {
                Failed++;
                message.Response = new FailedResponse();
                return ValueTask.CompletedTask;
            }

            return ProcessNextAsync(message, pipeline);
        }

        private static bool IsIndexing(Azure.Core.HttpMessage message) =>
            message.Request.Uri.Path.Contains("search.index", StringComparison.Ordinal);
    }

    private sealed class FailedResponse : Azure.Response
    {
        public override int Status => 503;

        public override string ReasonPhrase => "Service Unavailable";

        public override Stream? ContentStream { get; set; } = new MemoryStream("""{"error":{"code":"ServiceUnavailable","message":"busy"}}"""u8.ToArray());

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, out string value)
        {
            value = "";
            return false;
        }

        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            values = [];
            return false;
        }
    }
}

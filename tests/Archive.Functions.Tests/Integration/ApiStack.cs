using Archive.Core.Api;
using Archive.Core.Options;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Storage.Blobs;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Functions.Tests.Integration;

/// <summary>The read API over a fresh index in the real emulator and a fresh container in Azurite.</summary>
internal sealed class ApiStack
{
    private readonly SearchEmulatorFixture emulator;

    private ApiStack(SearchClient search, BlobServiceClient blobs, ArchiveOptions options, SearchEmulatorFixture emulator)
    {
        this.emulator = emulator;
        Search = search;
        Blobs = blobs;
        Options = options;
        Service = new ArticleSearchService(search, blobs, MsOptions.Create(options));
    }

    public SearchClient Search { get; }

    public BlobServiceClient Blobs { get; }

    public ArchiveOptions Options { get; }

    public ArticleSearchService Service { get; }

    /// <summary>Waits until every write acknowledged so far is visible (the emulator's refresh delay).</summary>
    public Task SettleAsync() => emulator.WaitForRefreshAsync();

    public static async Task<ApiStack> StartAsync(AzuriteFixture azurite, SearchEmulatorFixture emulator, params ArticleDocument[] documents)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var searchOptions = new SearchServiceOptions
        {
            Endpoint = emulator.Endpoint,
            IndexName = "api-" + suffix,
            Credential = SearchServiceOptions.ApiKeyCredential,
            ApiKey = emulator.ApiKey,
            CertificatePath = emulator.CertificatePath,
        };
        SearchIndexClient indexClient = SearchConnection.CreateIndexClient(searchOptions);
        await indexClient.CreateIndexAsync(ArticleIndex.Build(searchOptions.IndexName));
        var search = indexClient.GetSearchClient(searchOptions.IndexName);
        var options = new ArchiveOptions { ArticlesContainer = "articles-" + suffix };
        var blobs = azurite.CreateBlobServiceClient();
        await blobs.GetBlobContainerClient(options.ArticlesContainer).CreateAsync();
        if (documents.Length > 0)
        {
            await new ArticleStore(search).UpsertAsync(documents, default);

            // The seed documents are visible once the emulator's refresh delay has passed, as in Azure.
            await emulator.WaitForRefreshAsync();
        }

        return new ApiStack(search, blobs, options, emulator);
    }

    public static ArticleDocument Doc(string id, Action<ArticleDocument>? configure = null)
    {
        var doc = new ArticleDocument
        {
            Id = id,
            BlobContainer = "articles",
            BlobPath = id + ".txt",
            Title = "Title " + id,
            Body = "Body of " + id,
            ContentHash = "hash-" + id,
            IngestedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        configure?.Invoke(doc);
        return doc;
    }
}

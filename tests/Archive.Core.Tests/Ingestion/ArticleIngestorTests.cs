using System.Text.Json;
using Archive.Core.Extraction;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Core.Search;
using Archive.Testing;
using Azure;
using Azure.Search.Documents.Models;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Core.Tests.Ingestion;

/// <summary>Ingestion against a real Azurite, with the search client substituted through the SDK's mocking support.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArticleIngestorTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MockedSearch search = new();
    private readonly FakeArticleExtractor extractor = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly ArchiveOptions options = new()
    {
        ArticlesContainer = "articles-" + Guid.NewGuid().ToString("N")[..8],
        RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8],
    };

    private BlobServiceClient service = null!;
    private BlobContainerClient articles = null!;

    public async Task InitializeAsync()
    {
        service = azurite.CreateBlobServiceClient();
        articles = service.GetBlobContainerClient(options.ArticlesContainer);
        await articles.CreateAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private ArticleIngestor CreateIngestor() => new(
        extractor, search.Store, new RejectionReports(service, MsOptions.Create(options)), time, NullLogger<ArticleIngestor>.Instance);

    private async Task<BlobClient> UploadAsync(string name, string text, string contentType = "text/plain")
    {
        var blob = articles.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(text), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
        return blob;
    }

    [Fact]
    public async Task IngestAsync_NewBlob_UpsertsDocumentWithBlobFacts()
    {
        // Arrange
        var blob = await UploadAsync("2024/05/first.txt", "First title\nThe body of the first article.");
        var properties = (await blob.GetPropertiesAsync()).Value;

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal(IngestionOutcomes.Indexed, result.Outcome);
        var action = Assert.Single(Assert.Single(search.Batches).Actions);
        Assert.Equal(IndexActionType.MergeOrUpload, action.ActionType);
        var doc = action.Document;
        Assert.Equal(DocumentKey.For(options.ArticlesContainer, "2024/05/first.txt"), doc.Id);
        Assert.Equal(result.DocumentId, doc.Id);
        Assert.Equal("2024/05/first.txt", doc.BlobPath);
        Assert.Equal(options.ArticlesContainer, doc.BlobContainer);
        Assert.Equal(properties.ETag.ToString(), doc.BlobETag);
        Assert.Equal("text/plain", doc.BlobContentType);
        Assert.Equal(properties.ContentLength, doc.BlobSize);
        Assert.Equal(properties.LastModified, doc.BlobLastModified);
        Assert.Equal(time.GetUtcNow(), doc.IngestedAt);
        Assert.Equal("First title", doc.Title);
        Assert.Equal("The body of the first article.", doc.Body);
        Assert.Null(doc.DuplicateOf);
        Assert.Equal(1, extractor.Calls);
    }

    [Fact]
    public async Task IngestAsync_IndexedETagEqualsBlobETag_WritesNothing()
    {
        // Arrange
        var blob = await UploadAsync("same.txt", "Same\nbody");
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var id = DocumentKey.For(options.ArticlesContainer, "same.txt");
        search.Indexed[id] = new ArticleDocument { Id = id, BlobContainer = options.ArticlesContainer, BlobPath = "same.txt", BlobETag = etag };

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal(IngestionOutcomes.Unchanged, result.Outcome);
        Assert.Empty(search.Batches);
        Assert.Equal(0, extractor.Calls);
    }

    [Fact]
    public async Task IngestAsync_IndexedFromOlderETag_ReplacesUnderSameKey()
    {
        // Arrange
        var blob = await UploadAsync("over.txt", "New title\nnew body");
        var id = DocumentKey.For(options.ArticlesContainer, "over.txt");
        search.Indexed[id] = new ArticleDocument { Id = id, BlobContainer = options.ArticlesContainer, BlobPath = "over.txt", BlobETag = "\"0xOLD\"", ContentHash = "old" };

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal(IngestionOutcomes.Indexed, result.Outcome);
        var doc = search.Batches.SelectMany(b => b.Actions).Single(a => a.ActionType == IndexActionType.MergeOrUpload).Document;
        Assert.Equal(id, doc.Id);
        Assert.Equal("New title", doc.Title);
    }

    [Theory]
    [InlineData(ExtractionErrorCodes.UnsupportedFormat)]
    [InlineData(ExtractionErrorCodes.Empty)]
    [InlineData(ExtractionErrorCodes.TooLarge)]
    [InlineData(ExtractionErrorCodes.Malformed)]
    public async Task IngestAsync_PermanentExtractionError_WritesReportWithoutThrowing(string code)
    {
        // Arrange
        var blob = await UploadAsync("bad/" + code + ".bin", "!" + code + " cannot read this", "application/octet-stream");
        var before = (await blob.GetPropertiesAsync()).Value;

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal(IngestionOutcomes.Rejected, result.Outcome);
        Assert.Equal(code, result.ErrorCode);
        Assert.Empty(search.Batches);
        var report = await service.GetBlobContainerClient(options.RejectedContainer).GetBlobClient("bad/" + code + ".bin.error.json").DownloadContentAsync();
        using var json = JsonDocument.Parse(report.Value.Content.ToString());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Equal("cannot read this", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(before.ETag.ToString(), json.RootElement.GetProperty("blobETag").GetString());
        Assert.Equal(time.GetUtcNow(), json.RootElement.GetProperty("time").GetDateTimeOffset());
        var after = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task IngestAsync_SearchAnswers503_ThrowsAndWritesNoReport()
    {
        // Arrange
        var blob = await UploadAsync("transient.txt", "Title\nbody");
        search.IndexFailure = new RequestFailedException(503, "Service unavailable");

        // Act
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => CreateIngestor().IngestAsync(blob, default));

        // Assert
        Assert.Equal(503, error.Status);
        var rejected = service.GetBlobContainerClient(options.RejectedContainer);
        Assert.False(await rejected.GetBlobClient("transient.txt.error.json").ExistsAsync());
        Assert.True(await blob.ExistsAsync());
    }

    [Fact]
    public async Task IngestAsync_SameContentHashIndexed_MarksDuplicateOfOriginal()
    {
        // Arrange
        var blob = await UploadAsync("copy.txt", "Title\nshared body");
        search.Hits.Add(new ArticleDocument { Id = "b3JpZ2luYWw", DuplicateOf = null });

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal("b3JpZ2luYWw", result.DuplicateOf);
        var doc = Assert.Single(Assert.Single(search.Batches).Actions).Document;
        Assert.Equal("b3JpZ2luYWw", doc.DuplicateOf);
        var filter = Assert.Single(search.Searches).Filter;
        Assert.StartsWith("contentHash eq '" + doc.ContentHash + "' and id ne '" + doc.Id + "'", filter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_BlobDeletedBeforeProcessing_ReturnsBlobMissing()
    {
        var blob = articles.GetBlobClient("gone.txt");

        var result = await CreateIngestor().IngestAsync(blob, default);

        Assert.Equal(IngestionOutcomes.BlobMissing, result.Outcome);
        Assert.Empty(search.Batches);
    }
}

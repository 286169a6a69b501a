using System.Text;
using System.Text.Json;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Core.Search;
using Archive.Testing;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Core.Tests.Ingestion;

/// <summary>
/// What Azure AI Search cannot hold never loops through the poison queue: a long body is cut (and says so), a document
/// no request can carry becomes a rejection report. Limits: learn.microsoft.com/azure/search/search-limits-quotas-capacity
/// ("Document limits": 16 MB per indexing request, one document or a batch).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SearchLimitsIngestionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly MockedSearch search = new();
    private readonly FakeArticleExtractor extractor = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero));
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

    /// <summary>A text of about <paramref name="bytes"/> bytes: a title line, then words.</summary>
    private static string LongText(int bytes)
    {
        var text = new StringBuilder("A very long report\n", bytes + 16);
        var i = 0;
        while (text.Length < bytes)
        {
            text.Append("word").Append(i++ % 1000).Append(' ');
        }

        return text.ToString();
    }

    private async Task<JsonDocument?> ReportAsync(string name)
    {
        var report = service.GetBlobContainerClient(options.RejectedContainer).GetBlobClient(RejectionReports.ReportName(name));
        return await report.ExistsAsync() ? JsonDocument.Parse((await report.DownloadContentAsync()).Value.Content.ToString()) : null;
    }

    [Fact]
    public async Task IngestAsync_TwentyMegabyteText_IndexesACutBodyMarkedTruncatedWithinTheRequestLimit()
    {
        // Arrange
        var blob = articles.GetBlobClient("big/20mb.txt");
        await blob.UploadAsync(BinaryData.FromString(LongText(20_000_000)));

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal(IngestionOutcomes.Indexed, result.Outcome);
        var document = Assert.Single(Assert.Single(search.Batches).Actions).Document;
        Assert.True(document.BodyTruncated);
        Assert.InRange(document.Body.Length, SearchLimits.MaxIndexedBodyChars - 1000, SearchLimits.MaxIndexedBodyChars);
        Assert.StartsWith("word0 word1 ", document.Body, StringComparison.Ordinal);
        Assert.InRange(SearchLimits.SerializedBytes(document), 1, SearchLimits.MaxRequestBytes);
        Assert.Null(await ReportAsync("big/20mb.txt"));
    }

    [Fact]
    public async Task IngestAsync_ShortBody_IsKeptWholeAndNotMarked()
    {
        // Arrange
        var blob = articles.GetBlobClient("small.txt");
        await blob.UploadAsync(BinaryData.FromString("Title\nA short body."));

        // Act
        await CreateIngestor().IngestAsync(blob, default);

        // Assert
        var document = Assert.Single(Assert.Single(search.Batches).Actions).Document;
        Assert.False(document.BodyTruncated);
        Assert.Equal("A short body.", document.Body);
    }

    [Fact]
    public async Task IngestAsync_DocumentNoRequestCanCarry_BecomesARejectionReportAndNothingIsSent()
    {
        // Arrange: a summary of 16 million characters (the body alone would be cut, other fields are not).
        var blob = articles.GetBlobClient("huge-summary.txt");
        await blob.UploadAsync(BinaryData.FromString("Title\nbody"));
        extractor.Enrich["huge-summary.txt"] = a => a with { Summary = new string('s', 16_000_000) };

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert: no exception (which the runtime would retry into the poison queue), a report instead.
        Assert.Equal(IngestionOutcomes.Rejected, result.Outcome);
        Assert.Equal(IngestionErrorCodes.TooLargeToIndex, result.ErrorCode);
        Assert.Empty(search.Batches);
        using var report = await ReportAsync("huge-summary.txt");
        Assert.NotNull(report);
        Assert.Equal(IngestionErrorCodes.TooLargeToIndex, report.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task IngestAsync_ServiceAnswers413_BecomesARejectionReport()
    {
        // Arrange
        var blob = articles.GetBlobClient("refused.txt");
        await blob.UploadAsync(BinaryData.FromString("Title\nbody"));
        search.IndexFailure = new RequestFailedException(413, "Request Entity Too Large");

        // Act
        var result = await CreateIngestor().IngestAsync(blob, default);

        // Assert
        Assert.Equal(IngestionOutcomes.Rejected, result.Outcome);
        using var report = await ReportAsync("refused.txt");
        Assert.NotNull(report);
        Assert.Contains("413", report.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_ManyLargeDocuments_EachRequestStaysUnderTheLimit()
    {
        // Arrange: 40 documents of about 1 MB each, 40 MB in all.
        var documents = Enumerable.Range(0, 40).Select(i => new ArticleDocument { Id = "d" + i, Body = new string('x', 1_000_000) });

        // Act
        var batches = SearchLimits.Batches(documents.Select(Azure.Search.Documents.Models.IndexDocumentsAction.MergeOrUpload));

        // Assert
        Assert.True(batches.Count >= 3);
        Assert.Equal(40, batches.Sum(b => b.Actions.Count));
        Assert.All(batches, b => Assert.InRange(b.Actions.Sum(a => SearchLimits.SerializedBytes(a.Document)), 1, SearchLimits.MaxRequestBytes));
    }
}

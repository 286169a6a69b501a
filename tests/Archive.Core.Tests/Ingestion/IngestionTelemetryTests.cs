using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Core.Search;
using Archive.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Core.Tests.Ingestion;

/// <summary>One span per ingestion with the blob and the document, and the outcome counted by code.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestionTelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestAsync_Rejected_SpanCarriesBlobETagDocumentAndIsRecordedAsAnError()
    {
        // Arrange
        var options = new ArchiveOptions { ArticlesContainer = "articles-" + Guid.NewGuid().ToString("N")[..8], RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8] };
        var service = azurite.CreateBlobServiceClient();
        var articles = service.GetBlobContainerClient(options.ArticlesContainer);
        await articles.CreateAsync();
        var blob = articles.GetBlobClient("telemetry/bad.bin");
        await blob.UploadAsync(BinaryData.FromString("!malformed cannot read"));
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ArchiveTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var outcomes = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ArchiveTelemetry.Name && instrument.Name == "archive.ingest.outcomes")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) => outcomes.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meters.Start();
        var ingestor = new ArticleIngestor(
            new FakeArticleExtractor(), new MockedSearch().Store, new RejectionReports(service, MsOptions.Create(options)), new FakeTimeProvider(), NullLogger<ArticleIngestor>.Instance);

        // Act
        await ingestor.IngestAsync(blob, default);

        // Assert
        var span = Assert.Single(spans, s => (string?)s.GetTagItem("blob.name") == "telemetry/bad.bin");
        Assert.Equal("ingest", span.OperationName);
        Assert.Equal(etag, span.GetTagItem("blob.etag"));
        Assert.Equal(DocumentKey.For(options.ArticlesContainer, "telemetry/bad.bin"), span.GetTagItem("document.id"));
        Assert.Equal("malformed", span.GetTagItem("error.code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.True(span.Recorded);
        Assert.Contains(outcomes, o => o.Value == 1 && (string?)o.Tags["outcome"] == "rejected" && (string?)o.Tags["error.code"] == "malformed");
    }
}

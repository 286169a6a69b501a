using Archive.Core.Extraction;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Testing;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Core.Tests.Ingestion;

/// <summary>Ingestions are admitted by the memory they are expected to need (bytes in flight), not by their count.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemoryGateIngestionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private readonly MockedSearch search = new();
    private readonly ArchiveOptions options = new()
    {
        ArticlesContainer = "articles-" + Guid.NewGuid().ToString("N")[..8],
        RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8],

        // 30 bytes per input byte: a 10 MiB file weighs 300 MiB; 1,000 MiB hold three of them.
        IngestMemoryBudgetMB = 1000,
        IngestCostPerByte = 30,
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

    [Fact]
    public async Task IngestAsync_NineConcurrentTenMegabyteFiles_StayWithinTheBudget()
    {
        // Arrange
        var extractor = new ConcurrencyMeter(new FakeArticleExtractor());
        var gate = new IngestionMemoryGate(MsOptions.Create(options));
        var ingestor = new ArticleIngestor(
            extractor, search.Store, new RejectionReports(service, MsOptions.Create(options)), TimeProvider.System, NullLogger<ArticleIngestor>.Instance, gate);
        var text = "Ten megabytes\n" + new string('x', TenMegabytes - 14);
        var blobs = new List<BlobClient>();
        for (var i = 0; i < 9; i++)
        {
            var blob = articles.GetBlobClient($"big/{i}.txt");
            await blob.UploadAsync(BinaryData.FromString(text));
            blobs.Add(blob);
        }

        // Act
        var results = await Task.WhenAll(blobs.Select(b => ingestor.IngestAsync(b, default)));

        // Assert: all nine indexed; never more than three read at once, never more weight than the budget.
        Assert.All(results, r => Assert.Equal(IngestionOutcomes.Indexed, r.Outcome));
        Assert.InRange(extractor.MaxConcurrent, 1, 3);
        Assert.InRange(gate.PeakInFlight, 1, gate.Budget);
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task AcquireAsync_BlobHeavierThanTheBudget_RunsAloneInsteadOfWaitingForever()
    {
        // Arrange
        var gate = new IngestionMemoryGate(MsOptions.Create(options));
        var small = await gate.AcquireAsync(1024, default);

        // Act
        var big = gate.AcquireAsync(100L * TenMegabytes, default);
        var waitedWhileSmallHeld = !big.IsCompleted;
        small.Dispose();
        using var lease = await big;

        // Assert
        Assert.True(waitedWhileSmallHeld);
        Assert.Equal(gate.Budget, gate.InFlight);
    }

    /// <summary>Counts the extractions running at once (each stays in flight a moment so that overlaps happen).</summary>
    private sealed class ConcurrencyMeter(IArticleExtractor inner) : IArticleExtractor
    {
        private int current;
        private int max;

        public int MaxConcurrent => Volatile.Read(ref max);

        public async Task<ExtractionResult> ExtractAsync(Stream content, string path, long? declaredLength, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref current);
            int seen;
            while ((seen = Volatile.Read(ref max)) < now && Interlocked.CompareExchange(ref max, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(100, cancellationToken);
                return await inner.ExtractAsync(content, path, declaredLength, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref current);
            }
        }
    }
}

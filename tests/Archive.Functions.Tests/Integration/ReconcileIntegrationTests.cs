using Archive.Core.Ingestion;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Functions.Tests.Integration;

[Collection(LocalStackCollection.Name)]
public sealed class ReconcileIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private static async Task<(Reconcile Function, IArticleIngestor Ingestor)> CreateAsync(ApiStack stack)
    {
        var articles = stack.Blobs.GetBlobContainerClient(stack.Options.ArticlesContainer);
        await articles.GetBlobClient("new.txt").UploadAsync(BinaryData.FromString("New\nbody"));
        await new ArticleStore(stack.Search).UpsertAsync(
            [ApiStack.Doc("b3JwaGFu", d => { d.BlobContainer = stack.Options.ArticlesContainer; d.BlobPath = "gone.txt"; })], default);
        await stack.SettleAsync();
        var ingestor = Substitute.For<IArticleIngestor>();
        ingestor.IngestAsync(Arg.Any<BlobClient>(), Arg.Any<CancellationToken>())
            .Returns(call => new IngestionResult(IngestionOutcomes.Indexed, DocumentKey.For(stack.Options.ArticlesContainer, call.Arg<BlobClient>().Name)));
        var options = MsOptions.Create(stack.Options);
        var reconciler = new Reconciler(
            ingestor, new ArticleStore(stack.Search), new RejectionReports(stack.Blobs, options), stack.Blobs, options, NullLogger<Reconciler>.Instance);
        return (new Reconcile(reconciler, NullLogger<Reconcile>.Instance), ingestor);
    }

    [Fact]
    public async Task RunNowAsync_DivergedStack_ReturnsCountsAndRepairs()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var (function, ingestor) = await CreateAsync(stack);

        // Act
        var result = await function.RunNowAsync(ApiMocks.Request("/api/manage/reconcile"), default);
        await stack.SettleAsync();

        // Assert
        var report = Assert.IsType<ReconcileReport>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(new ReconcileReport { Blobs = 1, Documents = 1, Reingested = 1, Removed = 1 }, report);
        await ingestor.Received(1).IngestAsync(Arg.Is<BlobClient>(b => b.Name == "new.txt"), Arg.Any<CancellationToken>());
        Assert.Null(await stack.Service.GetAsync("b3JwaGFu", default));
    }

    [Fact]
    public async Task RunAsync_Timer_RunsTheSameReconcile()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);
        var (function, _) = await CreateAsync(stack);

        var report = await function.RunAsync(new TimerInfo(), default);

        Assert.Equal(1, report.Removed);
        Assert.Equal(1, report.Reingested);
    }
}

using Archive.Core.Ingestion;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Functions.Tests.Integration;

[Collection(LocalStackCollection.Name)]
public sealed class ReconcileIntegrationTests(AzuriteFixture azurite, SearchEmulatorFixture emulator)
{
    private async Task<(Reconcile Function, IArticleIngestor Ingestor)> CreateAsync(ApiStack stack)
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
        var checkpoints = new ReconcileCheckpoints(stack.Blobs, options);
        var reconciler = new Reconciler(
            ingestor, new ArticleStore(stack.Search), new RejectionReports(stack.Blobs, options), stack.Blobs, options, checkpoints, TimeProvider.System, NullLogger<Reconciler>.Instance);
        var queues = new QueueServiceClient(azurite.ConnectionString);
        return (new Reconcile(reconciler, checkpoints, queues, options, TimeProvider.System, NullLogger<Reconcile>.Instance), ingestor);
    }

    [Fact]
    public async Task RunNowAsync_DivergedStack_Answers202WithAStatusAndHandsTheRunToTheQueue()
    {
        // Arrange
        var stack = await ApiStack.StartAsync(azurite, emulator);
        stack.Options.RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8];
        stack.Options.ReconcileQueue = "reconcile-" + Guid.NewGuid().ToString("N")[..8];
        var (function, _) = await CreateAsync(stack);

        // Act: HTTP answers at once (the 230 s front-end limit); the work goes through the queue.
        var result = await function.RunNowAsync(ApiMocks.Request("/api/manage/reconcile"), default);
        var status = await function.StatusAsync(ApiMocks.Request("/api/manage/reconcile"), default);
        var queue = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(stack.Options.ReconcileQueue);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value);
        var final = await function.ContinueAsync(message.MessageText, default);
        await stack.SettleAsync();

        // Assert
        var accepted = Assert.IsType<AcceptedResult>(result);
        Assert.Equal("/api/manage/reconcile", accepted.Location);
        var started = Assert.IsType<ReconcileReport>(accepted.Value);
        Assert.False(started.Completed);
        Assert.Equal(started.RunId, message.MessageText);
        Assert.Equal(started.RunId, Assert.IsType<ReconcileReport>(Assert.IsType<OkObjectResult>(status).Value).RunId);
        Assert.True(final.Completed);
        Assert.Equal(1, final.Reingested);
        Assert.Equal(1, final.Removed);
        Assert.Null(await stack.Service.GetAsync("b3JwaGFu", default));
    }

    [Fact]
    public async Task RunAsync_Timer_RunsTheSameReconcile()
    {
        var stack = await ApiStack.StartAsync(azurite, emulator);
        stack.Options.RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8];
        var (function, _) = await CreateAsync(stack);

        var report = await function.RunAsync(new TimerInfo(), default);

        Assert.True(report.Completed);
        Assert.Equal(1, report.Removed);
        Assert.Equal(1, report.Reingested);
    }
}

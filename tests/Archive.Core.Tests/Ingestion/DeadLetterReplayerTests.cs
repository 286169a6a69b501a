using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Search.Documents.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Archive.Core.Tests.Ingestion;

/// <summary>
/// Events Event Grid could not deliver are kept in the dead-letter container (a JSON array of events per blob,
/// learn.microsoft.com/azure/event-grid/manage-event-delivery) and replayed by <c>archive replay-deadletters</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterReplayerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunAsync_DeadLetteredCreateAndDelete_IngestsRemovesAndDeletesTheFile()
    {
        // Arrange
        var options = new ArchiveOptions
        {
            ArticlesContainer = "articles-" + Guid.NewGuid().ToString("N")[..8],
            RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8],
        };
        var service = azurite.CreateBlobServiceClient();
        var articles = service.GetBlobContainerClient(options.ArticlesContainer);
        await articles.CreateAsync();
        await articles.GetBlobClient("2026/a.txt").UploadAsync(BinaryData.FromString("A title\nA body."));
        var search = new MockedSearch();
        var goneId = DocumentKey.For(options.ArticlesContainer, "gone.txt");
        search.Indexed[goneId] = new ArticleDocument { Id = goneId, BlobContainer = options.ArticlesContainer, BlobPath = "gone.txt" };
        var deadLetters = service.GetBlobContainerClient("deadletters-" + Guid.NewGuid().ToString("N")[..8]);
        await deadLetters.CreateAsync();
        var file = deadLetters.GetBlobClient("evgt/article-ingest/2026/12/08/03/event.json");
        await file.UploadAsync(BinaryData.FromString($$"""
            [
              {"id":"1","eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/{{options.ArticlesContainer}}/blobs/2026/a.txt","deadLetterReason":"MaxDeliveryAttemptsExceeded","data":{} },
              {"id":"2","eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/{{options.ArticlesContainer}}/blobs/gone.txt","data":{} },
              {"id":"3","eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/other/blobs/x.txt","data":{} }
            ]
            """));
        var msOptions = MsOptions.Create(options);
        var ingestor = new ArticleIngestor(
            new FakeArticleExtractor(), search.Store, new RejectionReports(service, msOptions), new FakeTimeProvider(), NullLogger<ArticleIngestor>.Instance);
        var remover = new ArticleRemover(search.Store, service, msOptions, NullLogger<ArticleRemover>.Instance);

        // Act
        var summary = await new DeadLetterReplayer(ingestor, remover, service, msOptions).RunAsync(deadLetters, null, default);

        // Assert
        Assert.Equal(new[] { 1, 1, 1, 1 }, new[] { summary.Files, summary.Ingested, summary.Removed, summary.Ignored });
        Assert.Empty(summary.Failures);
        var actions = search.Batches.SelectMany(b => b.Actions).ToList();
        Assert.Contains(actions, a => a.ActionType == IndexActionType.MergeOrUpload && a.Document.BlobPath == "2026/a.txt");
        Assert.False(await file.ExistsAsync());
    }

    [Fact]
    public async Task RunAsync_SearchDown_KeepsTheFileForTheNextRun()
    {
        // Arrange
        var options = new ArchiveOptions { ArticlesContainer = "articles-" + Guid.NewGuid().ToString("N")[..8], RejectedContainer = "rejected-" + Guid.NewGuid().ToString("N")[..8] };
        var service = azurite.CreateBlobServiceClient();
        var articles = service.GetBlobContainerClient(options.ArticlesContainer);
        await articles.CreateAsync();
        await articles.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString("A\nbody"));
        var search = new MockedSearch { IndexFailure = new Azure.RequestFailedException(503, "Service unavailable") };
        var deadLetters = service.GetBlobContainerClient("deadletters-" + Guid.NewGuid().ToString("N")[..8]);
        await deadLetters.CreateAsync();
        var file = deadLetters.GetBlobClient("e.json");
        await file.UploadAsync(BinaryData.FromString($$"""[{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/{{options.ArticlesContainer}}/blobs/a.txt"}]"""));
        var msOptions = MsOptions.Create(options);
        var ingestor = new ArticleIngestor(new FakeArticleExtractor(), search.Store, new RejectionReports(service, msOptions), new FakeTimeProvider(), NullLogger<ArticleIngestor>.Instance);

        // Act
        var summary = await new DeadLetterReplayer(ingestor, new ArticleRemover(search.Store, service, msOptions, NullLogger<ArticleRemover>.Instance), service, msOptions)
            .RunAsync(deadLetters, null, default);

        // Assert
        Assert.Single(summary.Failures);
        Assert.True(await file.ExistsAsync());
    }
}

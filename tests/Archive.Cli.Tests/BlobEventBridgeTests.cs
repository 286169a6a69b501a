using System.Net;
using System.Text;
using System.Text.Json;
using Archive.Cli.Bridge;
using Archive.Core.Ingestion;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Archive.Cli.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobEventBridgeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScanOnce_NewChangedAndDeletedBlobs_PostsCreatedEventsAndQueuesDeletions()
    {
        // Arrange
        var (container, queue) = await CreateAsync();
        var webhook = new RecordingHandler();
        using var http = new HttpClient(webhook);
        var bridge = new BlobEventBridge(container, queue, http, BlobEventBridge.WebhookFor(new Uri("http://localhost:7071"), "IngestArticle"), TimeProvider.System);
        await container.GetBlobClient("a/one.txt").UploadAsync(BinaryData.FromString("first"));

        // Act
        var first = await bridge.ScanOnceAsync(CancellationToken.None);
        var unchanged = await bridge.ScanOnceAsync(CancellationToken.None);
        await container.GetBlobClient("a/one.txt").UploadAsync(BinaryData.FromString("second"), overwrite: true);
        var changed = await bridge.ScanOnceAsync(CancellationToken.None);
        await container.GetBlobClient("a/one.txt").DeleteAsync();
        var deleted = await bridge.ScanOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new BridgeScan(1, 0, 0), first);
        Assert.Equal(new BridgeScan(0, 0, 0), unchanged);
        Assert.Equal(new BridgeScan(1, 0, 0), changed);
        Assert.Equal(new BridgeScan(0, 1, 0), deleted);

        Assert.Equal(2, webhook.Requests.Count);
        var request = webhook.Requests[0];
        Assert.Equal("http://localhost:7071/runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle", request.Uri.ToString());
        Assert.Equal("Notification", request.EventTypeHeader);
        using var created = JsonDocument.Parse(request.Body);
        var evt = Assert.Single(created.RootElement.EnumerateArray());
        Assert.Equal("Microsoft.Storage.BlobCreated", evt.GetProperty("eventType").GetString());
        Assert.Equal($"/blobServices/default/containers/{container.Name}/blobs/a/one.txt", evt.GetProperty("subject").GetString());
        Assert.Equal(container.GetBlobClient("a/one.txt").Uri.ToString(), evt.GetProperty("data").GetProperty("url").GetString());

        var message = Assert.Single((await queue.ReceiveMessagesAsync(10)).Value);
        var events = BlobDeletedEvent.Parse(message.MessageText, out _);
        Assert.Equal(new BlobDeletedEvent(container.Name, "a/one.txt"), Assert.Single(events));
    }

    [Fact]
    public async Task ScanOnce_WebhookFails_RetriesOnNextScan()
    {
        // Arrange
        var (container, queue) = await CreateAsync();
        var webhook = new RecordingHandler { Status = HttpStatusCode.ServiceUnavailable };
        using var http = new HttpClient(webhook);
        var bridge = new BlobEventBridge(container, queue, http, new Uri("http://localhost:7071/runtime/webhooks/blobs"), TimeProvider.System);
        await container.GetBlobClient("late.txt").UploadAsync(BinaryData.FromString("content"));

        // Act
        var failed = await bridge.ScanOnceAsync(CancellationToken.None);
        webhook.Status = HttpStatusCode.Accepted;
        var retried = await bridge.ScanOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new BridgeScan(0, 0, 1), failed);
        Assert.Equal(new BridgeScan(1, 0, 0), retried);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task ScanOnce_WithoutWebhook_QueuesDeletionsOnly()
    {
        // Arrange
        var (container, queue) = await CreateAsync();
        var webhook = new RecordingHandler();
        using var http = new HttpClient(webhook);
        var bridge = new BlobEventBridge(container, queue, http, webhook: null, TimeProvider.System);
        await container.GetBlobClient("gone.txt").UploadAsync(BinaryData.FromString("content"));
        await bridge.ScanOnceAsync(CancellationToken.None);

        // Act
        await container.GetBlobClient("gone.txt").DeleteAsync();
        var scan = await bridge.ScanOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new BridgeScan(0, 1, 0), scan);
        Assert.Empty(webhook.Requests);
        Assert.Single((await queue.PeekMessagesAsync(10)).Value);
    }

    private async Task<(BlobContainerClient Container, QueueClient Queue)> CreateAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient("bridge-" + suffix);
        await container.CreateAsync();
        var queue = new QueueClient(azurite.ConnectionString, "deletions-" + suffix);
        await queue.CreateAsync();
        return (container, queue);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(Uri Uri, string? EventTypeHeader, string Body)> Requests { get; } = [];

        public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            if (Status == HttpStatusCode.Accepted)
            {
                Requests.Add((request.RequestUri!, request.Headers.TryGetValues("aeg-event-type", out var v) ? v.Single() : null, body));
            }

            return new HttpResponseMessage(Status) { Content = new StringContent(string.Empty, Encoding.UTF8) };
        }
    }
}

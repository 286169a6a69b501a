using System.Security.Cryptography;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Archive.Core.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UploadListDownload_BlobWithBinaryContent_ReturnsSameBytes()
    {
        // Arrange
        var service = azurite.CreateBlobServiceClient();
        var container = service.GetBlobContainerClient("roundtrip-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateAsync();
        var bytes = RandomNumberGenerator.GetBytes(256 * 1024);

        // Act
        await container.GetBlobClient("folder/one.bin").UploadAsync(new BinaryData(bytes));
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync())
        {
            names.Add(item.Name);
        }

        var downloaded = await container.GetBlobClient("folder/one.bin").DownloadContentAsync();

        // Assert
        Assert.Equal(["folder/one.bin"], names);
        Assert.Equal(bytes, downloaded.Value.Content.ToArray());
    }

    [Fact]
    public async Task SendReceive_QueueMessage_ArrivesOnce()
    {
        // Arrange
        var queue = new QueueClient(azurite.ConnectionString, "roundtrip-" + Guid.NewGuid().ToString("N")[..8]);
        await queue.CreateAsync();

        // Act
        await queue.SendMessageAsync("hello archive");
        var received = await queue.ReceiveMessagesAsync(maxMessages: 10);

        // Assert
        var message = Assert.Single(received.Value);
        Assert.Equal("hello archive", message.MessageText);
    }

    [Fact]
    public async Task Download_MissingBlob_Throws404()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "missing-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateAsync();

        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => container.GetBlobClient("nope.txt").DownloadContentAsync());

        Assert.Equal(404, ex.Status);
    }
}

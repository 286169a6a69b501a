using Azure.Storage.Blobs;

namespace Archive.DevHost.TestWorker;

/// <summary>Writes marker blobs to container "markers" so tests can see that (and how often) a function ran.</summary>
public sealed class Markers(BlobServiceClient blobs)
{
    public const string Container = "markers";

    public async Task WriteAsync(string name, string content, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true, cancellationToken).ConfigureAwait(false);
    }
}

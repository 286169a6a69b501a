using System.Text.Json;
using Archive.Core.Options;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>
/// The reconcile's checkpoint and status: one small JSON blob, <c>.reconcile/state.json</c> in the rejected container
/// (the rejection reports are the <c>*.error.json</c> blobs beside it; this one is not a report).
/// </summary>
public sealed class ReconcileCheckpoints(BlobServiceClient blobService, IOptions<ArchiveOptions> options)
{
    /// <summary>The blob name of the checkpoint.</summary>
    public const string BlobName = ".reconcile/state.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private BlobClient Blob => blobService.GetBlobContainerClient(options.Value.RejectedContainer).GetBlobClient(BlobName);

    /// <summary>The last saved state, or null when no run was ever started.</summary>
    public async Task<ReconcileReport?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
            return content.ToObjectFromJson<ReconcileReport>(Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Saves <paramref name="state"/> (creating the container when needed).</summary>
    public async Task SaveAsync(ReconcileReport state, CancellationToken cancellationToken)
    {
        var data = BinaryData.FromObjectAsJson(state, Json);
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        try
        {
            await Blob.UploadAsync(data, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await blobService.GetBlobContainerClient(options.Value.RejectedContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await Blob.UploadAsync(data, upload, cancellationToken).ConfigureAwait(false);
        }
    }
}

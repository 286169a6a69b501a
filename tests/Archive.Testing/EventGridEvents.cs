using System.Text.Json;
using Azure.Storage.Blobs;

namespace Archive.Testing;

/// <summary>Storage events as Event Grid delivers them: BlobCreated to the dev host's blob webhook, BlobDeleted as plain JSON on a queue.</summary>
public static class EventGridEvents
{
    /// <summary>The dev host's webhook for the IngestArticle blob trigger (as the Event Grid subscription targets it in Azure).</summary>
    public static readonly Uri IngestWebhook = new("runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle", UriKind.Relative);

    /// <summary>A BlobCreated event (Event Grid schema) for <paramref name="blob"/>, as a one-element batch.</summary>
    public static string BlobCreated(BlobClient blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return JsonSerializer.Serialize(new[] { Event("Microsoft.Storage.BlobCreated", "PutBlob", blob) });
    }

    /// <summary>A BlobDeleted event (Event Grid schema) for <paramref name="blob"/>, as the storage-queue destination receives it.</summary>
    public static string BlobDeleted(BlobClient blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return JsonSerializer.Serialize(Event("Microsoft.Storage.BlobDeleted", "DeleteBlob", blob));
    }

    /// <summary>Posts BlobCreated once; true when the webhook answered 2xx (the function succeeded).</summary>
    public static async Task<bool> TryPostBlobCreatedAsync(HttpClient http, BlobClient blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, IngestWebhook)
        {
            Content = new StringContent(BlobCreated(blob), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static object Event(string type, string api, BlobClient blob) => new
    {
        id = Guid.NewGuid().ToString(),
        subject = $"/blobServices/default/containers/{blob.BlobContainerName}/blobs/{blob.Name}",
        eventType = type,
        eventTime = DateTimeOffset.UtcNow,
        data = new { api, blobType = "BlockBlob", url = blob.Uri.ToString() },
        dataVersion = string.Empty,
        metadataVersion = "1",
    };
}

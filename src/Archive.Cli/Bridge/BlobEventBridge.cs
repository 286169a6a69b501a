using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Archive.Cli.Bridge;

/// <summary>
/// Stands in for Event Grid when the Functions Core Tools run the app locally: it watches the articles container in
/// Azurite and posts a BlobCreated event to the blob extension's webhook for every new or changed blob, and writes a
/// BlobDeleted event to the deletions queue for every blob that disappeared, as the Azure subscriptions do. Without a
/// webhook it delivers deletions only (the dev host's own blob listener sees creations).
/// </summary>
internal sealed class BlobEventBridge(BlobContainerClient container, QueueClient deletions, HttpClient http, Uri? webhook, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Dictionary<string, string> known = new(StringComparer.Ordinal);

    /// <summary>The Core Tools webhook for <paramref name="functionName"/> under <paramref name="functionsUrl"/>.</summary>
    public static Uri WebhookFor(Uri functionsUrl, string functionName) =>
        new(functionsUrl, $"/runtime/webhooks/blobs?functionName=Host.Functions.{Uri.EscapeDataString(functionName)}");

    /// <summary>Compares the container with the last scan and delivers one event per change. The first scan announces every blob.</summary>
    public async Task<BridgeScan> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = 0;
        var failed = 0;
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var etag = item.Properties.ETag?.ToString() ?? string.Empty;
            current[item.Name] = etag;
            if (known.TryGetValue(item.Name, out var before) && before == etag)
            {
                continue;
            }

            if (webhook is null)
            {
                continue;
            }

            if (await PostCreatedAsync(webhook, item.Name, etag, item.Properties.ContentType, item.Properties.ContentLength, cancellationToken).ConfigureAwait(false))
            {
                created++;
            }
            else
            {
                failed++;
                current.Remove(item.Name); // not delivered: try again on the next scan
            }
        }

        var deleted = 0;
        foreach (var name in known.Keys.Where(name => !current.ContainsKey(name)))
        {
            await deletions.SendMessageAsync(JsonSerializer.Serialize(Event("Microsoft.Storage.BlobDeleted", name, new { api = "DeleteBlob", blobType = "BlockBlob", url = container.GetBlobClient(name).Uri }), Json), cancellationToken).ConfigureAwait(false);
            deleted++;
        }

        known = current;
        return new BridgeScan(created, deleted, failed);
    }

    /// <summary>Scans every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, Action<BridgeScan> report, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await deletions.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            var scan = await ScanOnceAsync(cancellationToken).ConfigureAwait(false);
            if (scan.Created + scan.Deleted + scan.Failed > 0)
            {
                report(scan);
            }

            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> PostCreatedAsync(Uri target, string name, string etag, string? contentType, long? length, CancellationToken cancellationToken)
    {
        var data = new { api = "PutBlob", eTag = etag, contentType, contentLength = length, blobType = "BlockBlob", url = container.GetBlobClient(name).Uri };
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = JsonContent.Create(new[] { Event("Microsoft.Storage.BlobCreated", name, data) }, options: Json),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // the Functions host is not up yet
        }
    }

    private object Event(string type, string name, object data) => new
    {
        id = Guid.NewGuid().ToString(),
        topic = $"/subscriptions/local/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{container.AccountName}",
        subject = $"/blobServices/default/containers/{container.Name}/blobs/{name}",
        eventType = type,
        eventTime = time.GetUtcNow(),
        data,
        dataVersion = string.Empty,
        metadataVersion = "1",
    };
}

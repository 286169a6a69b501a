using System.Text.Json;
using Archive.Core.Options;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Archive.Core.Ingestion;

/// <summary>What a replay of dead-lettered events did.</summary>
public sealed record DeadLetterReplaySummary(int Files, int Ingested, int Removed, int Ignored, IReadOnlyList<string> Failures);

/// <summary>
/// Replays the events Event Grid could not deliver: each dead-letter blob (a JSON array of Event Grid events, written
/// under <c>{topic}/{subscription}/{yyyy}/{MM}/{dd}/{HH}/</c>) is read; a BlobCreated event of the articles container is
/// ingested, a BlobDeleted event removes the document unless the blob exists again; events of other containers and
/// types are ignored. The dead-letter blob is deleted only when all its events went through.
/// </summary>
public sealed class DeadLetterReplayer(IArticleIngestor ingestor, ArticleRemover remover, BlobServiceClient blobService, IOptions<ArchiveOptions> options)
{
    private const string BlobCreated = "Microsoft.Storage.BlobCreated";
    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>Replays every dead-letter blob of <paramref name="deadLetters"/>.</summary>
    public async Task<DeadLetterReplaySummary> RunAsync(BlobContainerClient deadLetters, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        int files = 0, ingested = 0, removed = 0, ignored = 0;
        var failures = new List<string>();
        var articles = blobService.GetBlobContainerClient(options.Value.ArticlesContainer);
        await foreach (var item in deadLetters.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            files++;
            var file = deadLetters.GetBlobClient(item.Name);
            var ok = true;
            try
            {
                var content = (await file.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
                using var json = JsonDocument.Parse(content.ToMemory());
                var events = json.RootElement.ValueKind == JsonValueKind.Array ? [.. json.RootElement.EnumerateArray()] : new[] { json.RootElement };
                foreach (var e in events)
                {
                    var type = e.TryGetProperty("eventType", out var t) ? t.GetString() : null;
                    var subject = e.TryGetProperty("subject", out var s) ? s.GetString() : null;
                    if (!TryParseSubject(subject, out var container, out var name) || container != articles.Name || type is not (BlobCreated or BlobDeletedEvent.EventType))
                    {
                        ignored++;
                        continue;
                    }

                    try
                    {
                        if (type == BlobCreated)
                        {
                            var result = await ingestor.IngestAsync(articles.GetBlobClient(name), cancellationToken).ConfigureAwait(false);
                            ingested++;
                            progress?.Invoke($"{item.Name}: {name} {result.Outcome}");
                        }
                        else
                        {
                            var gone = await remover.RemoveBlobAsync(name, cancellationToken).ConfigureAwait(false);
                            removed += gone ? 1 : 0;
                            progress?.Invoke($"{item.Name}: {name} {(gone ? "removed" : "kept (blob exists or no document)")}");
                        }
                    }
                    catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
                    {
                        ok = false;
                        failures.Add($"{item.Name}: {type} {name}: {ex.Message}");
                    }
                }
            }
            catch (JsonException ex)
            {
                ok = false;
                failures.Add($"{item.Name}: not Event Grid JSON ({ex.Message}); left in place");
            }

            if (ok)
            {
                await file.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        ArchiveTelemetry.BacklogDepth.Record(files, new KeyValuePair<string, object?>("kind", "deadletter"));
        return new DeadLetterReplaySummary(files, ingested, removed, ignored, failures);
    }

    /// <summary>Splits <c>/blobServices/default/containers/{container}/blobs/{name}</c>.</summary>
    public static bool TryParseSubject(string? subject, out string container, out string name)
    {
        container = name = "";
        if (subject is null || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = subject[SubjectPrefix.Length..];
        var marker = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        if (marker <= 0 || marker + 7 >= rest.Length)
        {
            return false;
        }

        container = rest[..marker];
        name = rest[(marker + 7)..];
        return true;
    }
}

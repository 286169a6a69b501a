using System.Text;
using System.Text.Json;
using Archive.Core.Ingestion;
using Azure;
using Azure.Search.Documents;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Archive.Cli.Poison;

/// <summary>What one replay did.</summary>
internal sealed record ReplaySummary(int Replayed, int Indexed, int Unchanged, int Rejected, int Missing, int Skipped, IReadOnlyList<string> Failures);

/// <summary>
/// Re-drives the blobs in the blob trigger's poison queue through the same <see cref="IArticleIngestor"/> the
/// IngestArticle function runs, and deletes each message only after its blob was ingested (or rejected, or found
/// deleted). Messages of other functions or containers are left in the queue, and so is a failed message; both are
/// held invisible while the replay runs (so it never sees them twice) and made visible again at the end.
/// </summary>
internal sealed class PoisonReplayer(QueueClient poison, BlobContainerClient articles, IArticleIngestor ingestor, SearchClient search)
{
    /// <summary>The queue the WebJobs blob trigger moves a blob to after host.json's poisonBlobThreshold failed attempts.</summary>
    public const string DefaultQueue = "webjobs-blobtrigger-poison";

    /// <summary>Consecutive failures after which the replay stops: search or storage is still down.</summary>
    public const int StopAfterConsecutiveFailures = 3;

    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Fails with a clear message when search does not answer, before any message is touched.</summary>
    public async Task CheckSearchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await search.GetDocumentCountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new InvalidOperationException(
                $"Search at {search.Endpoint} (index '{search.IndexName}') is not answering ({(e.Status == 0 ? e.Message : "HTTP " + e.Status)}). " +
                "Nothing was replayed; run replay-poison again once search is back.", e);
        }
    }

    public async Task<ReplaySummary> RunAsync(string functionName, int parallelism, Action<string>? progress, CancellationToken cancellationToken)
    {
        if (!await poison.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return new ReplaySummary(0, 0, 0, 0, 0, 0, []);
        }

        int indexed = 0, unchanged = 0, rejected = 0, missing = 0, skipped = 0, consecutiveFailures = 0;
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var handBack = new List<(string Id, string PopReceipt)>();
        while (!cancellationToken.IsCancellationRequested)
        {
            QueueMessage[] batch = (await poison.ReceiveMessagesAsync(32, VisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
            batch = [.. batch.Where(m => seen.Add(m.MessageId))];
            if (batch.Length == 0)
            {
                break;
            }

            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (message, token) =>
            {
                var blob = Parse(message.Body);
                if (blob is null || !MatchesFunction(blob.Value.FunctionId, functionName) || blob.Value.ContainerName != articles.Name)
                {
                    // Not ours: handed back at the end for whoever owns it.
                    lock (handBack)
                    {
                        handBack.Add((message.MessageId, message.PopReceipt));
                    }

                    Interlocked.Increment(ref skipped);
                    return;
                }

                try
                {
                    var result = await ingestor.IngestAsync(articles.GetBlobClient(blob.Value.BlobName), token).ConfigureAwait(false);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, token).ConfigureAwait(false);
                    Interlocked.Exchange(ref consecutiveFailures, 0);
                    _ = result.Outcome switch
                    {
                        IngestionOutcomes.Indexed => Interlocked.Increment(ref indexed),
                        IngestionOutcomes.Unchanged => Interlocked.Increment(ref unchanged),
                        IngestionOutcomes.Rejected => Interlocked.Increment(ref rejected),
                        _ => Interlocked.Increment(ref missing),
                    };
                    progress?.Invoke($"{result.Outcome,-10} {blob.Value.BlobName}");
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    Interlocked.Increment(ref consecutiveFailures);
                    lock (failures)
                    {
                        failures.Add($"{blob.Value.BlobName}: {e.GetType().Name}: {FirstLine(e.Message)}");
                        handBack.Add((message.MessageId, message.PopReceipt));
                    }
                }
            }).ConfigureAwait(false);

            if (Volatile.Read(ref consecutiveFailures) >= StopAfterConsecutiveFailures)
            {
                break;
            }
        }

        foreach (var (id, popReceipt) in handBack)
        {
            try
            {
                await poison.UpdateMessageAsync(id, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // It becomes visible by itself when the visibility timeout ends.
            }
        }

        return new ReplaySummary(indexed + unchanged + rejected + missing, indexed, unchanged, rejected, missing, skipped, failures);
    }

    /// <summary>The poison message the WebJobs blob trigger writes: JSON, Base64-encoded in the queue (plain JSON is accepted too).</summary>
    internal static (string FunctionId, string ContainerName, string BlobName)? Parse(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.ToString().Trim();
        if (!text.StartsWith('{'))
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("ContainerName", out var container) && container.GetString() is { Length: > 0 } containerName
                && root.TryGetProperty("BlobName", out var name) && name.GetString() is { Length: > 0 } blobName
                ? (root.TryGetProperty("FunctionId", out var f) ? f.GetString() ?? string.Empty : string.Empty, containerName, blobName)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>FunctionId is <c>Host.Functions.IngestArticle</c> in the Functions host; older hosts write the method's full name.</summary>
    private static bool MatchesFunction(string functionId, string functionName) =>
        functionId.Length == 0 || functionId == functionName || functionId.EndsWith("." + functionName, StringComparison.Ordinal);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

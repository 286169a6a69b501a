using System.Diagnostics;
using Archive.Core;
using Archive.Core.Ingestion;
using Archive.Core.Search;
using Archive.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Reliability;

/// <summary>
/// The whole archive as ./run.sh runs it (Azurite, the search emulator, the dev host running the real
/// Archive.Functions worker), plus what the scenarios do to it: Event Grid deliveries with Event Grid's retry,
/// kill -9 of the host or the emulator, the poison queue, <c>archive replay-poison</c>, and a snapshot of storage
/// against the index.
/// </summary>
public sealed class ReliabilityStack : IAsyncDisposable
{
    public const string ArticlesContainer = ArchiveStackFixture.ArticlesContainer;
    public const string IndexName = ArchiveStackFixture.IndexName;
    public const string HostId = "archive-reliability";
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    private ServiceProvider? services;
    private int hostPort;
    private volatile bool hostDownOnPurpose;

    public AzuriteFixture Azurite { get; } = new();

    public SearchEmulatorFixture Search { get; } = new();

    public DevHostProcess Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public BlobContainerClient Articles => Azurite.CreateBlobServiceClient().GetBlobContainerClient(ArticlesContainer);

    public QueueClient Deletions => new(Azurite.ConnectionString, ArchiveStackFixture.DeletionsQueue);

    /// <summary>The poison queue, read raw: the blob trigger writes its messages Base64-encoded or as plain JSON depending on the host's queue encoding.</summary>
    public QueueClient Poison => new(Azurite.ConnectionString, PoisonQueueName);

    /// <summary>Archive.Core composed over this stack, as the app composes it: the store and reconcile the harness checks with.</summary>
    public IServiceProvider Services => services ?? throw new InvalidOperationException("The stack is not started.");

    public IReadOnlyDictionary<string, string> Environment => ArchiveAppSettings.For(Azurite, Search, IndexName);

    public async Task StartAsync()
    {
        await ArchiveStackFixture.StartStorageAndSearchAsync(Azurite, Search, IndexName).ConfigureAwait(false);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Environment.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
        services = new ServiceCollection().AddLogging().AddArchiveCore(configuration).BuildServiceProvider();
        hostPort = FreePort.Next();
        await StartHostAsync().ConfigureAwait(false);
    }

    /// <summary>Starts the dev host (same port and host id as before, so receipts and the blob-trigger queue carry over).</summary>
    public async Task StartHostAsync()
    {
        Host = DevHostProcess.Start(hostPort, Environment, "--app", DevHostProcess.BuildOutput("Archive.Functions"), "--host-id", HostId);
        await Host.WaitUntilRunningAsync(TimeSpan.FromSeconds(180)).ConfigureAwait(false);
        hostDownOnPurpose = false;
        Http ??= new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>kill -9 of the dev host and its worker: in-flight invocations, queue messages and receipts are left as they are.</summary>
    public async Task KillHostAsync()
    {
        var worker = Host.WorkerProcessId;
        hostDownOnPurpose = true;
        Host.KillAbruptly();
        try
        {
            using var process = Process.GetProcessById(worker);
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        await Host.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        await Host.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Uploads (or overwrites) a blob; returns its client.</summary>
    public async Task<BlobClient> UploadAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        var blob = Articles.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken).ConfigureAwait(false);
        return blob;
    }

    /// <summary>Uploads like a client that retries until storage answers (storage may be restarting), up to <paramref name="deadline"/>.</summary>
    public async Task<BlobClient> UploadWithRetryAsync(string name, string text, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await UploadAsync(name, text).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException && clock.Elapsed < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Delivers BlobCreated like Event Grid: retried with back-off until the webhook answers 2xx (Event Grid retries
    /// failed deliveries for up to 24 hours), here until <paramref name="deadline"/>. False when it never succeeded.
    /// </summary>
    public async Task<bool> DeliverBlobCreatedAsync(BlobClient blob, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            if (await EventGridEvents.TryPostBlobCreatedAsync(Http, blob).ConfigureAwait(false))
            {
                return true;
            }

            if (!hostDownOnPurpose && Host.HasExited)
            {
                // Nothing restarts it here: fail the scenario now, with the host's output, rather than at the deadline.
                throw new InvalidOperationException($"The dev host exited (code {Host.ExitCode}) while events were being delivered.");
            }

            if (clock.Elapsed > deadline)
            {
                return false;
            }

            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    /// <summary>Deletes a blob and puts the BlobDeleted event on the deletions queue, as the Event Grid subscription does.</summary>
    public async Task DeleteAsync(string name)
    {
        var blob = Articles.GetBlobClient(name);
        await blob.DeleteIfExistsAsync().ConfigureAwait(false);
        await Deletions.SendMessageAsync(EventGridEvents.BlobDeleted(blob)).ConfigureAwait(false);
    }

    /// <summary>Poison messages (of any function) whose blob name starts with <paramref name="prefix"/>.</summary>
    public async Task<int> CountPoisonedAsync(string prefix)
    {
        if (!await Poison.ExistsAsync().ConfigureAwait(false))
        {
            return 0;
        }

        var count = 0;
        // Peek sees at most 32 messages: read them by receiving with a short visibility timeout and releasing them.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var held = new List<(string Id, string Receipt)>();
        while (true)
        {
            var batch = (await Poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)).ConfigureAwait(false)).Value;
            if (batch.Length == 0)
            {
                break;
            }

            foreach (var m in batch)
            {
                held.Add((m.MessageId, m.PopReceipt));
                if (seen.Add(m.MessageId) && BlobNameOf(Decode(m.Body.ToString())) is { } blobName && blobName.StartsWith(prefix, StringComparison.Ordinal))
                {
                    count++;
                }
            }
        }

        foreach (var (id, receipt) in held)
        {
            await Poison.UpdateMessageAsync(id, receipt, visibilityTimeout: TimeSpan.Zero).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>The first poison messages, decoded, for failure messages.</summary>
    public async Task<string> PeekPoisonAsync()
    {
        if (!await Poison.ExistsAsync().ConfigureAwait(false))
        {
            return "(no poison queue)";
        }

        var messages = (await Poison.PeekMessagesAsync(5).ConfigureAwait(false)).Value;
        return messages.Length == 0 ? "(poison queue empty)" : string.Join('\n', messages.Select(m => Decode(m.Body.ToString())));
    }

    /// <summary>Runs <c>archive replay-poison</c> (the built CLI, as an operator would); returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> ReplayPoisonAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(DevHostProcess.BuildOutput("Archive.Cli"), "archive.dll"), "replay-poison", "--quiet",
            "--queue-connection", Azurite.ConnectionString, "--connection", Azurite.ConnectionString, "--container", ArticlesContainer,
            "--search-endpoint", Search.Endpoint.ToString(), "--search-key", Search.ApiKey, "--index", IndexName,
            "--search-certificate", Search.CertificatePath,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the archive CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary>Compares the blobs under <paramref name="prefix"/> with their documents and rejection reports.</summary>
    public async Task<Snapshot> SnapshotAsync(string prefix)
    {
        var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var item in Articles.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None).ConfigureAwait(false))
        {
            blobs[item.Name] = Normalize(item.Properties.ETag?.ToString());
        }

        var documents = new List<IndexedArticleState>();
        await foreach (var state in Services.GetRequiredService<ArticleStore>().ListAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (state.BlobPath.StartsWith(prefix, StringComparison.Ordinal))
            {
                documents.Add(state);
            }
        }

        var rejected = (await Services.GetRequiredService<RejectionReports>().ListAsync(CancellationToken.None).ConfigureAwait(false))
            .Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal));
        var current = documents.Count(d => blobs.TryGetValue(d.BlobPath, out var etag) && etag == Normalize(d.BlobETag));
        return new Snapshot(
            Blobs: blobs.Count,
            Current: current,
            Stale: documents.Count(d => blobs.TryGetValue(d.BlobPath, out var etag) && etag != Normalize(d.BlobETag)),
            Orphans: documents.Count(d => !blobs.ContainsKey(d.BlobPath)),
            MarkedDuplicate: documents.Count(d => d.DuplicateOf is not null),
            SelfDuplicate: documents.Count(d => d.DuplicateOf == d.Id),
            Rejected: rejected);
    }

    /// <summary>Polls <see cref="SnapshotAsync"/> until the index matches storage under the prefix, or the deadline passes; returns the last snapshot.</summary>
    public async Task<Snapshot> WaitUntilConvergedAsync(string prefix, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await SnapshotAsync(prefix).ConfigureAwait(false);
            if (snapshot.Converged || clock.Elapsed > deadline)
            {
                return snapshot;
            }

            await Task.Delay(500).ConfigureAwait(false);
        }
    }

    /// <summary>One reconcile pass over the whole container (Archive.Core's Reconciler, as the timer function runs it).</summary>
    public Task<ReconcileReport> ReconcileAsync() => Services.GetRequiredService<Reconciler>().RunAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync().ConfigureAwait(false);
        }

        if (services is not null)
        {
            await services.DisposeAsync().ConfigureAwait(false);
        }

        await Search.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }

    private static string? BlobNameOf(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("BlobName", out var name) ? name.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Decode(string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            return body;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException)
        {
            return body;
        }
    }

    private static string Normalize(string? etag) => RejectionReports.Normalize(etag ?? string.Empty);
}

/// <summary>Storage against the index under one prefix.</summary>
public sealed record Snapshot(int Blobs, int Current, int Stale, int Orphans, int MarkedDuplicate, int SelfDuplicate, int Rejected)
{
    /// <summary>Every blob has a document of its current version and no document is left without its blob.</summary>
    public bool Converged => Lost == 0 && Stale == 0 && Orphans == 0;

    /// <summary>Blobs neither indexed at their current version nor rejected.</summary>
    public int Lost => Math.Max(0, Blobs - Current - Rejected);
}

using System.Diagnostics;
using Archive.Core.Ingestion;
using Archive.Core.Options;
using Archive.Core.Search;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Benchmarks;

/// <summary>
/// A reconcile of N blobs (default 50,000) whose documents are all indexed, but for 1% missing, 1% stale and 1% orphans:
/// wall time and peak managed heap of the run, against the floor of listing the container and the index once.
/// </summary>
internal static class ReconcileBenchmark
{
    public static async Task RunAsync(Stack stack, int count)
    {
        using var services = stack.Compose(Guid.NewGuid().ToString("N")[..8], out _);
        var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        await services.GetRequiredService<SearchIndexCheck>().EnsureAsync(default);
        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(options.ArticlesContainer);
        await container.CreateIfNotExistsAsync();
        Console.WriteLine($"\n== reconcile: {count:N0} blobs (1% missing, 1% stale, 1% orphan documents), parallelism {options.ReconcileParallelism}");

        var setup = Stopwatch.StartNew();
        var etags = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
        {
            var info = await container.GetBlobClient(Name(i)).UploadAsync(BinaryData.FromString($"Title {i}\nBody of article {i}."), overwrite: true, token);
            etags[i] = info.Value.ETag.ToString();
        });
        var store = services.GetRequiredService<ArticleStore>();
        var documents = Enumerable.Range(0, count + count / 100)
            .Where(i => i >= count || i % 100 != 1) // 1% missing
            .Select(i => new ArticleDocument
            {
                Id = DocumentKey.For(options.ArticlesContainer, Name(i)),
                BlobContainer = options.ArticlesContainer,
                BlobPath = Name(i),
                BlobETag = i >= count ? "\"0xGONE\"" : i % 100 == 2 ? "\"0xSTALE\"" : etags[i], // orphans beyond count, 1% stale
                Title = "Title " + i,
                Body = "Body of article " + i + ".",
                ContentHash = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        foreach (var chunk in documents.Chunk(1000))
        {
            await store.UpsertAsync(chunk, default);
        }

        Console.WriteLine($"setup (upload + index): {setup.Elapsed.TotalSeconds:F1} s");
        etags = [];

        // Baseline: list the container and page through the index once, nothing else.
        var (listTime, listPeak) = await MeasureAsync(async () =>
        {
            var blobs = 0;
            await foreach (var page in container.GetBlobsAsync().AsPages(default, Reconciler.PageSize))
            {
                blobs += page.Values.Count;
            }

            string? after = null;
            IReadOnlyList<IndexedArticleState> states;
            do
            {
                states = await store.ListPageAsync(after, Reconciler.PageSize, default);
                after = states.Count > 0 ? states[^1].Id : after;
            }
            while (states.Count == Reconciler.PageSize);
        });

        var reconciler = services.GetRequiredService<Reconciler>();
        ReconcileReport? report = null;
        var (time, peak) = await MeasureAsync(async () => report = await reconciler.RunAsync(default));
        Console.WriteLine($"listing both (floor): {listTime.TotalSeconds:F1} s, peak managed heap {listPeak / 1e6:F1} MB");
        Console.WriteLine($"reconcile:            {time.TotalSeconds:F1} s, peak managed heap {peak / 1e6:F1} MB  (time ratio {time / listTime:F2})");
        Console.WriteLine($"report: blobs {report!.Blobs:N0}, documents {report.Documents:N0}, reingested {report.Reingested:N0}, removed {report.Removed:N0}, failed {report.Failed:N0}");
        Console.WriteLine($"process peak working set: {Environment.WorkingSet / 1e6:F0} MB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB peak (setup included)");
    }

    private static string Name(int i) => $"r/{i / 1000:D3}/{i:D6}.txt";

    /// <summary>Wall time and the highest managed heap seen (sampled every 10 ms) while <paramref name="action"/> runs.</summary>
    private static async Task<(TimeSpan Time, long PeakHeap)> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peak = GC.GetTotalMemory(false);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(10);
            }
        });
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        return (watch.Elapsed, peak);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Archive.Core.Search;
using Archive.Testing;

namespace Archive.Benchmarks;

/// <summary>
/// Upload → searchable through the whole local stack: the real worker on the dev host, extraction and the search
/// emulator. Each upload is followed by the BlobCreated event Event Grid would deliver in Azure (posted to the dev
/// host's blob webhook, as the Flex Consumption app receives it); the dev host's polling listener runs too, as it
/// does under ./run.sh. Single uploads one after another (latency), then a burst (time until all are searchable, and
/// how many never arrive).
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task RunAsync(Stack stack, int uploads, int burst)
    {
        const string container = "articles";
        const string index = "pipeline";
        await stack.Emulator.CreateIndexClient().CreateOrUpdateIndexAsync(ArticleIndex.Build(index));
        var blobs = stack.Azurite.CreateBlobServiceClient().GetBlobContainerClient(container);
        await blobs.CreateIfNotExistsAsync();
        await stack.Azurite.CreateBlobServiceClient().GetBlobContainerClient("articles-rejected").CreateIfNotExistsAsync();
        var environment = ArchiveAppSettings.For(stack.Azurite, stack.Emulator, index);
        await using var host = DevHostProcess.Start(FreePort.Next(), environment, "--app", DevHostProcess.BuildOutput("Archive.Functions"), "--host-id", "archive-bench");
        await host.WaitUntilRunningAsync(TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine($"\n== pipeline: upload → searchable through the dev host running the real worker ({uploads} single uploads, burst of {burst})");

        var latencies = new List<double>(uploads);
        for (var i = 0; i < uploads; i++)
        {
            var name = $"latency/{i:D5}.txt";
            var stopwatch = Stopwatch.StartNew();
            await blobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(GeneratedArticles.Text(100_000 + i)), overwrite: true);
            await EventGridEvents.TryPostBlobCreatedAsync(http, blobs.GetBlobClient(name));
            var id = DocumentKey.For(container, name);
            while (true)
            {
                using var response = await http.GetAsync(new Uri("api/articles/" + id, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                if (stopwatch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"{name} was not searchable after 60 s:\n{host.Output}");
                }

                await Task.Delay(20);
            }

            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| single uploads | {uploads} | p50 {Percentiles.Of(latencies, 0.50):F0} ms | p95 {Percentiles.Of(latencies, 0.95):F0} ms | max {latencies[^1]:F0} ms |"));

        var search = stack.Emulator.CreateSearchClient(index);
        var before = (await search.GetDocumentCountAsync()).Value;
        var burstClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, burst), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var blob = blobs.GetBlobClient($"burst/{i:D5}.txt");
            await blob.UploadAsync(BinaryData.FromString(GeneratedArticles.Text(200_000 + i)), overwrite: true, token);
            await EventGridEvents.TryPostBlobCreatedAsync(http, blob);
        });
        var uploaded = burstClock.Elapsed;
        long count;
        var deadline = TimeSpan.FromMinutes(Math.Max(5, burst / 200.0));
        do
        {
            await Task.Delay(500);
            count = (await search.GetDocumentCountAsync()).Value - before;
        }
        while (count < burst && burstClock.Elapsed < deadline);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| burst | {burst} uploads in {uploaded.TotalSeconds:F1} s | all searchable after {burstClock.Elapsed.TotalSeconds:F1} s ({count / burstClock.Elapsed.TotalSeconds:F1}/s) | missing {burst - count} |"));
    }
}

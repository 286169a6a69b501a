using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archive.Benchmarks;
using Archive.Core.Api;
using Archive.Core.Extraction;
using Archive.Core.Ingestion;
using Archive.Core.Search;
using Archive.Functions;
using Archive.Testing;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

// Ingest throughput (Azurite -> Archive.Core -> search emulator) and the search API's added latency over a direct SDK
// call; pipeline: upload -> searchable through the dev host running the real worker.
// research: export throughput and memory, timeline and stats latency at 50,000 documents.
// Usage: dotnet run -c Release --project tests/Archive.Benchmarks -- [ingest|api|all|pipeline|reconcile|research] [--articles N] [--documents N] [--uploads N] [--burst N] [--blobs N]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

var articleCount = Arg("--articles", 600);
var documentCount = Arg("--documents", 10_000);
var iterations = Arg("--iterations", 300);

await using var stack = new Stack();
await stack.StartAsync();
Console.WriteLine($"stack: Azurite + search emulator ({stack.Emulator.Endpoint}); {Environment.ProcessorCount} cores");

if (mode is "ingest" or "all")
{
    await IngestAsync(stack, articleCount);
}

if (mode is "api" or "all")
{
    await ApiAsync(stack, documentCount, iterations);
}

if (mode is "reconcile")
{
    await ReconcileBenchmark.RunAsync(stack, Arg("--blobs", 50_000));
}

if (mode is "research")
{
    await ResearchBenchmark.RunAsync(stack, Arg("--documents", 50_000), Arg("--iterations", 40));
}

if (mode is "pipeline")
{
    await PipelineBenchmark.RunAsync(stack, Arg("--uploads", 200), Arg("--burst", 5000));
}

return 0;

static async Task IngestAsync(Stack stack, int count)
{
    using var services = stack.Compose(Guid.NewGuid().ToString("N")[..8], out var realExtractor);
    Console.WriteLine($"\n== ingest: {count} articles (~3 KB text), extractor: {(realExtractor ? "the real one" : "SimpleTextExtractor (no extraction engine registered)")}");
    var check = services.GetRequiredService<SearchIndexCheck>();
    await check.EnsureAsync(default);
    var blobs = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Archive.Core.Options.ArchiveOptions>>().Value.ArticlesContainer);
    await blobs.CreateIfNotExistsAsync();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        await blobs.GetBlobClient($"bench/{i:D5}.txt").UploadAsync(BinaryData.FromString(GeneratedArticles.Text(i)), overwrite: true, token));
    var names = Enumerable.Range(0, count).Select(i => $"bench/{i:D5}.txt").ToArray();
    var extractor = services.GetRequiredService<IArticleExtractor>();
    var ingestor = services.GetRequiredService<IArticleIngestor>();
    var indexClient = services.GetRequiredService<SearchIndexClient>();
    var indexName = services.GetRequiredService<SearchClient>().IndexName;

    async Task ResetIndexAsync()
    {
        await indexClient.DeleteIndexAsync(indexName);
        await check.EnsureAsync(default);
    }

    // Warm-up: connections, JIT, Lucene writer.
    await Parallel.ForEachAsync(names.Take(40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, t) => await ingestor.IngestAsync(blobs.GetBlobClient(n), t));
    await ResetIndexAsync();

    // Baseline: read each blob once and extract it, 8 concurrent: the floor under any ingestion.
    var baseline = await TimeAsync(async () =>
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, t) =>
        {
            using var download = (await blobs.GetBlobClient(n).DownloadStreamingAsync(cancellationToken: t)).Value;
            await extractor.ExtractAsync(download.Content, n, download.Details.ContentLength, t);
        }));

    // The trigger's shape: one blob per invocation, 8 invocations at a time.
    var trigger = await TimeAsync(async () =>
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, t) => await ingestor.IngestAsync(blobs.GetBlobClient(n), t)));
    var unchanged = await TimeAsync(async () =>
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, t) => await ingestor.IngestAsync(blobs.GetBlobClient(n), t)));

    // reindex: extraction in parallel, uploads in batches of 1,000.
    await ResetIndexAsync();
    var reindexer = services.GetRequiredService<Reindexer>();
    var reindex = await TimeAsync(async () => await reindexer.RunAsync(Reindexer.MaxBatchSize, null, default));

    var documents = (await services.GetRequiredService<SearchClient>().GetDocumentCountAsync()).Value;
    double Rate(TimeSpan t) => count / t.TotalSeconds;
    Console.WriteLine($"read+extract only (baseline), 8 concurrent : {Rate(baseline),8:F1} articles/s");
    Console.WriteLine($"IngestArticle shape, 8 concurrent, new     : {Rate(trigger),8:F1} articles/s  ({Rate(trigger) / Rate(baseline):P0} of baseline)");
    Console.WriteLine($"IngestArticle shape, 8 concurrent, same ETag: {Rate(unchanged),8:F1} articles/s  ({Rate(unchanged) / Rate(baseline):P0} of baseline)");
    Console.WriteLine($"reindex, batches of 1,000                  : {Rate(reindex),8:F1} articles/s  ({Rate(reindex) / Rate(baseline):P0} of baseline, {Rate(reindex) / Rate(trigger):F1}x the trigger shape)");
    Console.WriteLine($"documents in the index afterwards: {documents}");
}

static async Task ApiAsync(Stack stack, int count, int iterations)
{
    using var services = stack.Compose(Guid.NewGuid().ToString("N")[..8], out _);
    Console.WriteLine($"\n== api: {count} documents, {iterations} measured iterations (after 30 warm-up), interleaved");
    await services.GetRequiredService<SearchIndexCheck>().EnsureAsync(default);
    var client = services.GetRequiredService<SearchClient>();
    var store = services.GetRequiredService<ArticleStore>();
    for (var start = 0; start < count; start += 1000)
    {
        var batch = Enumerable.Range(start, Math.Min(1000, count - start)).Select(i =>
        {
            var text = GeneratedArticles.Text(i);
            var split = text.Split('\n', 2);
            return new ArticleDocument
            {
                Id = DocumentKey.For("articles", $"bench/{i:D5}.txt"),
                BlobContainer = "articles",
                BlobPath = $"bench/{i:D5}.txt",
                Title = split[0],
                Body = split[1],
                ContentHash = i.ToString(CultureInfo.InvariantCulture),
                Authors = [$"Author {i % 50}"],
                SiteName = $"Site {i % 7}",
                Language = i % 3 == 0 ? "de" : "en",
                Keywords = [GeneratedArticles.Word(i), GeneratedArticles.Word(i + 3)],
                People = [$"Person {i % 40}"],
                Places = [$"Place {i % 30}"],
                Organizations = [$"Org {i % 20}"],
                PublishedAt = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 7),
                IngestedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
                WordCount = 400,
            };
        });
        await store.UpsertAsync(batch, default);
    }

    var api = new SearchArticles(services.GetRequiredService<ArticleSearchService>(), NullLogger<SearchArticles>.Instance);
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    var direct = new List<double>();
    var viaApi = new List<double>();
    for (var i = 0; i < iterations + 30; i++)
    {
        var word = GeneratedArticles.Word(i);
        var filtered = i % 4 >= 2;
        var query = filtered ? $"?q={word}&site=Site%20{i % 7}&sort=newest" : $"?q={word}";

        async Task<int> DirectAsync()
        {
            // Direct SDK call with the same request the API sends.
            var options = new SearchOptions
            {
                Filter = filtered ? SearchFilter.Create($"(siteName eq {"Site " + (i % 7)}) and (duplicateOf eq null)") : "(duplicateOf eq null)",
                Size = 10,
                Skip = 0,
                IncludeTotalCount = true,
                SearchMode = Azure.Search.Documents.Models.SearchMode.All,
                HighlightPreTag = "<em>",
                HighlightPostTag = "</em>",
            };
            foreach (var f in new[] { "id", "title", "publishedAt", "authors", "siteName", "language", "summary", "url", "blobPath" })
            {
                options.Select.Add(f);
            }

            options.HighlightFields.Add("title");
            options.HighlightFields.Add("body");
            foreach (var f in new[] { "siteName", "authors", "language", "people", "places", "organizations", "keywords" })
            {
                options.Facets.Add(f + ",count:10");
            }

            options.Facets.Add("publishedAt,interval:year");
            // The API's order: the sort, then the document key as the tie-breaker.
            foreach (var order in ArticleSearchService.OrderBy(filtered ? SortOrders.Newest : SortOrders.Relevance))
            {
                options.OrderBy.Add(order);
            }

            var response = await client.SearchAsync<ArticleDocument>(word, options);
            var hits = 0;
            await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: 10))
            {
                hits += page.Values.Count;
                break;
            }
            return hits;
        }

        async Task<int> ViaApiAsync()
        {
            // Through the function: query validation, filter building, mapping, and the JSON the HTTP layer writes.
            var context = new DefaultHttpContext();
            context.Request.QueryString = new QueryString(query);
            var result = await api.RunAsync(context.Request, default);
            var body = JsonSerializer.SerializeToUtf8Bytes(((OkObjectResult)result).Value, json);
            return body.Length;
        }

        // Alternate which goes first so neither gains from the other's warm caches.
        double directMs, apiMs;
        int hits, bodyLength;
        if (i % 2 == 0)
        {
            var t0 = Stopwatch.GetTimestamp();
            hits = await DirectAsync();
            var t1 = Stopwatch.GetTimestamp();
            bodyLength = await ViaApiAsync();
            apiMs = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
            directMs = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
        }
        else
        {
            var t0 = Stopwatch.GetTimestamp();
            bodyLength = await ViaApiAsync();
            var t1 = Stopwatch.GetTimestamp();
            hits = await DirectAsync();
            directMs = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
            apiMs = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
        }

        if (i >= 30)
        {
            direct.Add(directMs);
            viaApi.Add(apiMs);
        }

        if (hits == 0 || bodyLength == 0)
        {
            throw new InvalidOperationException($"query {query} found nothing");
        }
    }

    direct.Sort();
    viaApi.Sort();
    foreach (var p in new[] { 50.0, 95.0 })
    {
        var d = Percentiles.Of(direct, p);
        var a = Percentiles.Of(viaApi, p);
        Console.WriteLine($"p{p:F0}: direct SDK {d,7:F2} ms, via /api/search function {a,7:F2} ms, added {a - d,6:F2} ms (ratio {a / d:F2})");
    }
}

static async Task<TimeSpan> TimeAsync(Func<Task> action)
{
    var start = Stopwatch.GetTimestamp();
    await action();
    return Stopwatch.GetElapsedTime(start);
}

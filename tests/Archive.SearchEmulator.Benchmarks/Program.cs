using System.Diagnostics;
using System.Globalization;
using Archive.Core.Search;
using Archive.SearchEmulator.Benchmarks;
using Archive.Testing;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;

// Usage: dotnet artifacts/bin/Archive.SearchEmulator.Benchmarks/debug/Archive.SearchEmulator.Benchmarks.dll
//        [--index-docs 10000] [--search-docs 50000] [--queries 400] [--batch 1000] [--vector-dims 384 (0: no vectors)]
var settings = BenchSettings.Parse(args);
var generator = new ArticleGenerator(seed: 20261127);
var articles = Enumerable.Range(0, settings.SearchDocs).Select(i => generator.Next(i)).ToList();
var indexSet = articles.Take(settings.IndexDocs).ToList();
var averageBytes = indexSet.Average(a => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(a).Length);
Console.WriteLine($"documents: {settings.IndexDocs} for indexing, {settings.SearchDocs} for search; average JSON size {averageBytes:F0} bytes; batch {settings.Batch}");

// Baseline first: raw Lucene.Net in this process, same documents and field layout.
RawLuceneIndexer.Index(indexSet.Take(1000).ToList(), settings.Batch, commitPerBatch: true); // JIT warm-up
var rawPerBatch = RawLuceneIndexer.Index(indexSet, settings.Batch, commitPerBatch: true);
var rawSingle = RawLuceneIndexer.Index(indexSet, settings.Batch, commitPerBatch: false);
var rawRate = settings.IndexDocs / rawPerBatch.TotalSeconds;
Console.WriteLine($"raw Lucene.Net, commit per batch : {rawRate,9:F0} docs/s ({rawPerBatch.TotalSeconds:F2} s)");
Console.WriteLine($"raw Lucene.Net, one commit       : {settings.IndexDocs / rawSingle.TotalSeconds,9:F0} docs/s ({rawSingle.TotalSeconds:F2} s)  (fsync per batch costs {(rawPerBatch - rawSingle).TotalSeconds:F2} s)");

var dataDir = Path.Combine(Path.GetTempPath(), "archive-search-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDir);
try
{
    await using var server = await SearchEmulatorServer.StartAsync(dataDir, "bench-key");
    var options = SearchClientOptionsFactory.Create(server.CertificatePath);
    var indexClient = new SearchIndexClient(server.Endpoint, new AzureKeyCredential(server.ApiKey), options);
    var client = indexClient.GetSearchClient("bench");
    await indexClient.CreateIndexAsync(new SearchIndex("bench",
    [
        new SimpleField("id", SearchFieldDataType.String) { IsKey = true, IsFilterable = true },
        new SearchableField("title"),
        new SearchableField("body") { AnalyzerName = LexicalAnalyzerName.EnLucene },
        new SimpleField("author", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true, IsSortable = true },
        new SimpleField("published", SearchFieldDataType.DateTimeOffset) { IsFilterable = true, IsFacetable = true, IsSortable = true },
        new SearchableField("tags", collection: true) { IsFilterable = true, IsFacetable = true },
        new SimpleField("words", SearchFieldDataType.Int32) { IsFilterable = true, IsSortable = true },
    ]));

    // Warm the emulator's JIT with a throw-away index of the same shape.
    await indexClient.CreateIndexAsync(new SearchIndex("warmup", (await indexClient.GetIndexAsync("bench")).Value.Fields));
    var warm = indexClient.GetSearchClient("warmup");
    await warm.UploadDocumentsAsync(articles.Skip(settings.SearchDocs - 1000).Take(1000), new IndexDocumentsOptions { ThrowOnAnyError = true });
    await indexClient.DeleteIndexAsync("warmup");

    var watch = Stopwatch.StartNew();
    foreach (var batch in indexSet.Chunk(settings.Batch))
    {
        await client.UploadDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true });
    }

    watch.Stop();
    var emulatorRate = settings.IndexDocs / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"emulator via SDK (commit per batch): {emulatorRate,9:F0} docs/s ({watch.Elapsed.TotalSeconds:F2} s)");
    Console.WriteLine($"ratio emulator / raw Lucene.Net (both commit per batch): {emulatorRate / rawRate:F2}");

    var vectorQueries = new List<BenchQuery>();
    if (settings.VectorDims > 0)
    {
        // The same documents with a vector each, into an index that has a vector field: the indexing rate with
        // vectors, then the text queries and the vector and hybrid queries all run on that index, in one loop.
        foreach (var (article, i) in articles.Select((a, i) => (a, i)))
        {
            article.Embedding = VectorBench.Embedding(i, settings.VectorDims);
        }

        var textFields = (await indexClient.GetIndexAsync("bench")).Value.Fields;
        await indexClient.DeleteIndexAsync("bench");
        await indexClient.CreateIndexAsync(VectorBench.Definition("benchvec", textFields, settings.VectorDims));
        client = indexClient.GetSearchClient("benchvec");
        var vectorWatch = Stopwatch.StartNew();
        foreach (var batch in indexSet.Chunk(settings.Batch))
        {
            await client.UploadDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true });
        }

        vectorWatch.Stop();
        var vectorRate = settings.IndexDocs / vectorWatch.Elapsed.TotalSeconds;
        Console.WriteLine($"emulator via SDK with {settings.VectorDims}-dim vectors: {vectorRate,9:F0} docs/s ({vectorWatch.Elapsed.TotalSeconds:F2} s); ratio with / without vectors {vectorRate / emulatorRate:F2}");
        vectorQueries = VectorBench.Queries(generator, articles, settings.VectorDims, settings.Queries / 5);
    }

    foreach (var batch in articles.Skip(settings.IndexDocs).Chunk(settings.Batch))
    {
        await client.UploadDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true });
    }

    var count = (await client.GetDocumentCountAsync()).Value;
    if (vectorQueries.Count > 0)
    {
        // The first vector query reads every segment's vectors into memory; the resident set before and after is
        // what the vectors add for searching.
        var before = WorkingSetMb(server.ProcessId);
        await vectorQueries[0].RunAsync(client);
        var after = WorkingSetMb(server.ProcessId);
        Console.WriteLine($"memory the vectors add when searched: {after - before:F0} MB resident ({count} x {settings.VectorDims} floats = {count * settings.VectorDims * 4 / 1048576.0:F0} MB of data)");
    }

    var queries = QueryMix.Create(generator, articles, settings.Queries);
    Console.WriteLine($"index at {count} documents; {queries.Count} queries after 40 warm-up queries");
    foreach (var query in queries.Take(40).Concat(vectorQueries.Take(20)))
    {
        await query.RunAsync(client);
    }

    // The vector and hybrid queries are interleaved with the text mix, so both meet the same machine load.
    queries = [.. queries.Select((q, i) => (q, Order: i * (vectorQueries.Count + queries.Count) / (double)queries.Count))
        .Concat(vectorQueries.Select((q, i) => (q, Order: (i + 0.5) * (vectorQueries.Count + queries.Count) / Math.Max(1.0, vectorQueries.Count))))
        .OrderBy(x => x.Order)
        .Select(x => x.q)];

    var cpuBefore = CpuMilliseconds(server.ProcessId);
    var latencies = new List<(string Kind, double Ms, double ServerMs)>();
    foreach (var query in queries)
    {
        var started = Stopwatch.GetTimestamp();
        var serverMs = await query.RunAsync(client);
        latencies.Add((query.Kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, serverMs));
    }

    var cpuPerQuery = (CpuMilliseconds(server.ProcessId) - cpuBefore) / queries.Count;
    Console.WriteLine($"search latency at {count} documents over {latencies.Count} queries (client-side, through the SDK over HTTPS):");
    Console.WriteLine($"  all       p50 {Percentile(latencies.Select(l => l.Ms), 50),7:F2} ms  p95 {Percentile(latencies.Select(l => l.Ms), 95),7:F2} ms"
        + $"   (server-side elapsed-time p50 {Percentile(latencies.Select(l => l.ServerMs), 50):F0} ms, p95 {Percentile(latencies.Select(l => l.ServerMs), 95):F0} ms)");
    foreach (var kind in latencies.Select(l => l.Kind).Distinct())
    {
        var ms = latencies.Where(l => l.Kind == kind).Select(l => l.Ms).ToList();
        var serverMs = latencies.Where(l => l.Kind == kind).Select(l => l.ServerMs).ToList();
        Console.WriteLine($"  {kind,-9} p50 {Percentile(ms, 50),7:F2} ms  p95 {Percentile(ms, 95),7:F2} ms   (server p50 {Percentile(serverMs, 50):F0} ms, p95 {Percentile(serverMs, 95):F0} ms, n={ms.Count})");
    }

    var textMs = latencies.Where(l => !l.Kind.StartsWith("vector", StringComparison.Ordinal) && !l.Kind.StartsWith("hybrid", StringComparison.Ordinal)).Select(l => l.Ms).ToList();
    var hybridMs = latencies.Where(l => l.Kind.StartsWith("hybrid", StringComparison.Ordinal)).Select(l => l.Ms).ToList();
    if (hybridMs.Count > 0)
    {
        Console.WriteLine($"ratio hybrid p95 / text-only p95: {Percentile(hybridMs, 95) / Percentile(textMs, 95):F2} (aim <= 2)");
    }

    Console.WriteLine($"emulator CPU time per query (load-independent): {cpuPerQuery:F1} ms");
    Console.WriteLine($"machine load average while measuring: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    Console.WriteLine($"emulator peak working set: {PeakWorkingSetMb(server.ProcessId):F0} MB");
}
finally
{
    Directory.Delete(dataDir, recursive: true);
}

static double Percentile(IEnumerable<double> values, double percentile)
{
    var sorted = values.Order().ToArray();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}

static double CpuMilliseconds(int pid)
{
    // utime and stime (fields 14 and 15 of /proc/PID/stat) are in clock ticks of 10 ms.
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
}

static double WorkingSetMb(int pid)
{
    // VmRSS is the resident set size now, in kB.
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}

static double PeakWorkingSetMb(int pid)
{
    // VmHWM is the peak resident set size, in kB.
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}

using System.Diagnostics;
using System.Globalization;
using Archive.Core.Api;
using Archive.Core.Search;
using Archive.Functions;
using Azure.Search.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.Benchmarks;

/// <summary>
/// <c>research</c>: export throughput (rows/s, CSV and JSONL) through the Export function against reading the same
/// keyset pages with the SDK alone (the baseline), the managed heap after every 10,000 rows while the export streams,
/// and the p50/p95 of /api/timeline and /api/stats, at N documents.
/// </summary>
internal static class ResearchBenchmark
{
    public static async Task RunAsync(Stack stack, int count, int iterations)
    {
        using var services = stack.Compose(Guid.NewGuid().ToString("N")[..8], out _);
        await services.GetRequiredService<SearchIndexCheck>().EnsureAsync(default);
        var client = services.GetRequiredService<SearchClient>();
        var store = new ArticleStore(client);
        var now = DateTimeOffset.UtcNow;
        Console.WriteLine($"\n== research: {count} documents");
        var indexing = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            await store.UpsertAsync(chunk.Select(i => new ArticleDocument
            {
                Id = "r" + i.ToString("D7", CultureInfo.InvariantCulture),
                BlobContainer = "articles",
                BlobPath = $"bench/{i:D7}.txt",
                ContentHash = "h" + i.ToString(CultureInfo.InvariantCulture),
                Title = $"Report {i}: {Archive.Testing.GeneratedArticles.Word(i)} and {Archive.Testing.GeneratedArticles.Word(i + 1)}",
                Summary = "A summary, with a comma and \"quotes\", of report " + i.ToString(CultureInfo.InvariantCulture),
                Body = "Body " + Archive.Testing.GeneratedArticles.Word(i),
                Authors = [$"Author {i % 50}"],
                SiteName = $"Site {i % 7}",
                Language = i % 3 == 0 ? "de" : "en",
                Keywords = [Archive.Testing.GeneratedArticles.Word(i)],
                PublishedAt = i % 100 == 99 ? null : now.AddHours(-2 * i),
                IngestedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
                WordCount = 400,
            }), default);
        }

        Console.WriteLine($"indexed in {indexing.Elapsed.TotalSeconds:F1} s");
        var exporter = services.GetRequiredService<ArticleExporter>();
        var function = new ExportArticles(exporter, NullLogger<ExportArticles>.Instance);

        // Warm-up.
        await BaselineAsync(exporter, 2000);
        await ExportAsync(function, "csv", null);

        for (var round = 0; round < 2; round++)
        {
            var baseline = await BaselineAsync(exporter, int.MaxValue);
            Console.WriteLine($"baseline (SDK keyset pages, no writing): {baseline.Rows} rows in {baseline.Seconds:F2} s = {baseline.Rows / baseline.Seconds,8:F0} rows/s");
            foreach (var format in new[] { "csv", "jsonl" })
            {
                var heap = new List<(long Rows, long Bytes)>();
                var (rows, bytes, seconds, allocated) = await ExportAsync(function, format, heap);
                Console.WriteLine($"{format,-5} via /api/export: {rows} rows, {bytes / 1048576.0:F1} MB in {seconds:F2} s = {rows / seconds,8:F0} rows/s ({rows / seconds / (baseline.Rows / baseline.Seconds):F2} of baseline); allocated {allocated / (double)rows:F0} B/row");
                if (round == 1)
                {
                    Console.WriteLine($"      live managed heap after a full GC at each 10,000 rows: {string.Join(", ", heap.Select(h => $"{h.Rows / 1000}k {h.Bytes / 1048576.0:F1} MB"))}");
                }

                if (rows != count)
                {
                    throw new InvalidOperationException($"exported {rows} of {count}");
                }
            }
        }

        var timeline = new Timeline(services.GetRequiredService<TimelineService>(), NullLogger<Timeline>.Instance);
        await PercentilesAsync("timeline month UTC", iterations, i => timeline.RunAsync(Request($"?interval=month&site=Site%20{i % 7}"), default));
        await PercentilesAsync("timeline month Europe/Berlin (DST: ~23 offset stretches)", iterations, i => timeline.RunAsync(Request($"?interval=month&tz=Europe/Berlin&q={Archive.Testing.GeneratedArticles.Word(i)}"), default));
        await PercentilesAsync("timeline day UTC, one year", iterations, i => timeline.RunAsync(Request($"?interval=day&from=2025-01-01&to=2025-12-31&language={(i % 2 == 0 ? "en" : "de")}"), default));
        var stats = new Stats(services.GetRequiredService<StatsService>(), NullLogger<Stats>.Instance);
        await PercentilesAsync("stats days=30 UTC", iterations, _ => stats.RunAsync(Request("?days=30"), default));
        await PercentilesAsync("stats days=366 Europe/Berlin", iterations, _ => stats.RunAsync(Request("?days=366&tz=Europe/Berlin"), default));
    }

    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    private static async Task PercentilesAsync(string name, int iterations, Func<int, Task<IActionResult>> run)
    {
        var times = new List<double>();
        for (var i = 0; i < iterations + 5; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await run(i);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (result is not OkObjectResult)
            {
                throw new InvalidOperationException($"{name}: {result.GetType().Name}");
            }

            if (i >= 5)
            {
                times.Add(ms);
            }
        }

        times.Sort();
        Console.WriteLine($"{name,-60} p50 {Percentiles.Of(times, 50),7:F1} ms, p95 {Percentiles.Of(times, 95),7:F1} ms");
    }

    private static async Task<(long Rows, double Seconds)> BaselineAsync(ArticleExporter exporter, int limit)
    {
        var start = Stopwatch.GetTimestamp();
        var export = await exporter.OpenAsync(new ArticleQuery(), ExportFields.Default, default);
        long rows = 0;
        await foreach (var _ in export.Rows)
        {
            if (++rows >= limit)
            {
                break;
            }
        }

        return (rows, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private static async Task<(long Rows, long Bytes, double Seconds, long Allocated)> ExportAsync(ExportArticles function, string format, List<(long, long)>? heap)
    {
        var request = Request("?format=" + format);
        var body = new CountingStream(format == "csv", heap);
        request.HttpContext.Response.Body = body;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        var result = await function.RunAsync(request, default);
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (body.Rows, body.Length, seconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>A response body that keeps nothing: counts bytes and rows, and samples the live heap every 10,000 rows.</summary>
    private sealed class CountingStream(bool csv, List<(long Rows, long Bytes)>? heap) : Stream
    {
        private long lines;
        private long length;
        private bool quoted;

        public long Rows => csv ? lines - 1 : lines;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            length += buffer.Length;
            foreach (var b in buffer)
            {
                if (csv && b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n' && !quoted)
                {
                    lines++;
                    if (heap is not null && Rows > 0 && Rows % 10_000 == 0)
                    {
                        heap.Add((Rows, GC.GetTotalMemory(forceFullCollection: true)));
                    }
                }
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }
    }
}

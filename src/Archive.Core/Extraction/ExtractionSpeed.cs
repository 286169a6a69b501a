using System.Diagnostics;
using System.Text;

namespace Archive.Core.Extraction;

/// <summary>What a speed measurement found.</summary>
/// <param name="Articles">Articles extracted in the timed loop.</param>
/// <param name="Elapsed">The timed loop's wall-clock time.</param>
/// <param name="CpuTime">The process CPU time the timed loop used (this thread plus the runtime's own, such as GC and JIT).</param>
/// <param name="PeakArticlesPerSecond">The best of ten equal slices of the timed loop: the steady-state single-thread speed.</param>
/// <param name="BytesPerArticle">The size of the sample.</param>
public sealed record ExtractionSpeedResult(int Articles, TimeSpan Elapsed, TimeSpan CpuTime, double PeakArticlesPerSecond, int BytesPerArticle)
{
    /// <summary>Articles per wall-clock second over the whole timed loop: depends on what else the machine runs.</summary>
    public double ArticlesPerSecond => Articles / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>Articles per CPU second over the whole timed loop: the single-core throughput on a busy machine.</summary>
    public double ArticlesPerCpuSecond => Articles / Math.Max(CpuTime.TotalSeconds, 1e-9);
}

/// <summary>
/// A quick single-thread throughput measurement of the full pipeline (read, detect, extract, enrich) on one sample.
/// Run it on a Release build. <c>archive bench extract</c> measures over a corpus instead, warming up until the CPU
/// cost of a pass settles.
/// </summary>
/// <remarks>
/// Tiered JIT compiles the hot paths to optimized code only after a while: about 4 s with two cores, up to 15 s when
/// the process is pinned to one core (the JIT's background thread shares it). The warm-up lasts at least three
/// seconds; the timed loop is cut into ten slices and the best slice gives <see cref="ExtractionSpeedResult.PeakArticlesPerSecond"/>,
/// the steady-state speed, while the whole-loop figures include whatever warm-up was still going on.
/// </remarks>
public static class ExtractionSpeed
{
    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Steady-state articles per second on one thread extracting <paramref name="sampleText"/> as a .txt file
    /// <paramref name="iterations"/> times after the warm-up (the best of ten slices of the timed loop).
    /// </summary>
    public static async Task<double> MeasureTextAsync(string sampleText, int iterations) =>
        (await MeasureAsync(Encoding.UTF8.GetBytes(sampleText ?? throw new ArgumentNullException(nameof(sampleText))), "sample.txt", iterations).ConfigureAwait(false)).PeakArticlesPerSecond;

    /// <summary>
    /// Extracts <paramref name="content"/> named <paramref name="path"/> <paramref name="iterations"/> times on the
    /// calling thread after a warm-up (which also loads the language models), and reports the throughput.
    /// </summary>
    public static async Task<ExtractionSpeedResult> MeasureAsync(byte[] content, string path, int iterations, ArticleExtractor? extractor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        extractor ??= new ArticleExtractor();

        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warmUp.Elapsed < MinimumWarmUp; i++)
        {
            await ExtractOnceAsync(extractor, content, path, cancellationToken).ConfigureAwait(false);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var slices = Math.Min(10, iterations);
        var peak = 0.0;
        var done = 0;
        for (var slice = 0; slice < slices; slice++)
        {
            var count = (iterations * (slice + 1) / slices) - done;
            var sliceWatch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await ExtractOnceAsync(extractor, content, path, cancellationToken).ConfigureAwait(false);
            }

            peak = Math.Max(peak, count / Math.Max(sliceWatch.Elapsed.TotalSeconds, 1e-9));
            done += count;
        }

        stopwatch.Stop();
        process.Refresh();
        return new ExtractionSpeedResult(iterations, stopwatch.Elapsed, process.TotalProcessorTime - cpuBefore, peak, content.Length);
    }

    private static async Task ExtractOnceAsync(ArticleExtractor extractor, byte[] content, string path, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        var result = await extractor.ExtractAsync(stream, path, content.Length, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The sample could not be extracted: {result.Error.Code}: {result.Error.Message}");
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace Archive.Core.Extraction;

/// <summary>What a speed measurement found.</summary>
/// <param name="Articles">Articles extracted in the timed loop.</param>
/// <param name="Elapsed">The timed loop's wall-clock time.</param>
/// <param name="CpuTime">The process CPU time the timed loop used (this thread plus the runtime's own, such as GC).</param>
/// <param name="BytesPerArticle">The size of the sample.</param>
public sealed record ExtractionSpeedResult(int Articles, TimeSpan Elapsed, TimeSpan CpuTime, int BytesPerArticle)
{
    /// <summary>Articles per wall-clock second on the calling thread: depends on what else the machine runs.</summary>
    public double ArticlesPerSecond => Articles / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>Articles per CPU second: the single-core throughput, stable on a busy machine.</summary>
    public double ArticlesPerCpuSecond => Articles / Math.Max(CpuTime.TotalSeconds, 1e-9);
}

/// <summary>
/// A quick single-thread throughput measurement of the full pipeline (read, detect, extract, enrich), for
/// <c>archive bench extract</c> and for the speed figures in the issue. Run it on a Release build. The warm-up
/// lasts at least three seconds so that the JIT has promoted the hot paths to optimized code before timing starts.
/// </summary>
public static class ExtractionSpeed
{
    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Articles per CPU second (one core) extracting <paramref name="sampleText"/> as a .txt file
    /// <paramref name="iterations"/> times after the warm-up.
    /// </summary>
    public static async Task<double> MeasureTextAsync(string sampleText, int iterations) =>
        (await MeasureAsync(Encoding.UTF8.GetBytes(sampleText ?? throw new ArgumentNullException(nameof(sampleText))), "sample.txt", iterations).ConfigureAwait(false)).ArticlesPerCpuSecond;

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
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            await ExtractOnceAsync(extractor, content, path, cancellationToken).ConfigureAwait(false);
        }

        stopwatch.Stop();
        process.Refresh();
        return new ExtractionSpeedResult(iterations, stopwatch.Elapsed, process.TotalProcessorTime - cpuBefore, content.Length);
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

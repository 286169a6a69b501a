using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archive.Core.Extraction.Html;
using Archive.Extraction.Tooling.Evaluation;
using AngleSharp.Html.Parser;

namespace Archive.Cli.Bench;

/// <summary>
/// <c>archive bench extract &lt;corpus-root&gt;</c>: scores HTML extraction on news-html (title, date, author, body
/// snippets) and article-body (the benchmark's 4-gram method), then measures speed in the same process: HTML pages/s
/// against parsing the same pages with AngleSharp alone, and plain-text articles/s.
/// </summary>
internal static class BenchExtractCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions ShowOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(Func<byte[], string?, object?>? textReader)
    {
        var root = new Argument<DirectoryInfo>("corpus-root") { Description = "The folder holding news-html/ and article-body/ (for example ../shared/corpus)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every miss (title, date, author, body snippets)." };
        var seconds = new Option<double>("--seconds") { Description = "Time budget per speed row, in seconds.", DefaultValueFactory = _ => 3.0 };
        var skipSpeed = new Option<bool>("--no-speed") { Description = "Only score quality." };
        var show = new Option<string?>("--show") { Description = "Print what the reader returns for one page (a path, or a file name under news-html/html) and stop." };
        var baseline = new Option<DirectoryInfo?>("--baseline") { Description = "The output folder of another build (for example a copy of artifacts/bin/Archive.Cli/release made before a change): its extractor is timed in the same run, next to this one." };
        var command = new Command("extract", "Score HTML extraction quality against the corpora and measure extraction speed.");
        command.Arguments.Add(root);
        command.Options.Add(verbose);
        command.Options.Add(seconds);
        command.Options.Add(skipSpeed);
        command.Options.Add(show);
        command.Options.Add(baseline);
        command.SetAction(parse => parse.GetValue(show) is { } page
            ? Show(parse.GetValue(root)!, page)
            : Run(parse.GetValue(root)!, parse.GetValue(verbose), parse.GetValue(seconds), parse.GetValue(skipSpeed), textReader, parse.GetValue(baseline)));
        return command;
    }

    private static int Run(DirectoryInfo root, bool verbose, double seconds, bool skipSpeed, Func<byte[], string?, object?>? textReader, DirectoryInfo? baselineFolder)
    {
        var baseline = baselineFolder is null ? null : BaselineBuild.Load(baselineFolder.FullName);
        var newsHtml = Path.Combine(root.FullName, "news-html");
        var articleBody = Path.Combine(root.FullName, "article-body");
        if (!Directory.Exists(newsHtml) && !Directory.Exists(articleBody))
        {
            Console.Error.WriteLine($"error: neither news-html/ nor article-body/ is under {root.FullName}");
            return 2;
        }

        var reader = new HtmlArticleReader();
        var output = Console.Out;
        output.WriteLine("| corpus | metric | score | bar | |");
        output.WriteLine("|---|---|---|---|---|");
        var failed = false;
        if (Directory.Exists(newsHtml))
        {
            var score = ExtractionEvaluator.ScoreNewsHtml(newsHtml, reader.Read);
            failed |= Row(output, "news-html", "title (case-folded)", score.Title, BenchBars.Title);
            output.WriteLine($"| news-html | title (case-sensitive) | {score.TitleCaseSensitive:F3} | | |");
            failed |= Row(output, "news-html", "date", score.Date, BenchBars.Date);
            failed |= Row(output, "news-html", "author (gold surnames)", score.Author, BenchBars.Author);
            output.WriteLine($"| news-html | body precision / recall | {score.Body.Precision:F3} / {score.Body.Recall:F3} | | |");
            failed |= Row(output, "news-html", "body F1 (snippets)", score.Body.F1, BenchBars.NewsBodyF1);
            if (verbose)
            {
                output.WriteLine();
                foreach (var miss in score.Misses)
                {
                    output.WriteLine(miss);
                }

                output.WriteLine();
            }
        }

        if (Directory.Exists(articleBody))
        {
            var shingles = ExtractionEvaluator.ScoreArticleBody(articleBody, reader.Read);
            output.WriteLine($"| article-body | precision / recall / accuracy | {shingles.Precision:F3} / {shingles.Recall:F3} / {shingles.Accuracy:F3} | | |");
            failed |= Row(output, "article-body", "F1 (4-gram shingles)", shingles.F1, BenchBars.ArticleBodyF1);
        }

        if (!skipSpeed)
        {
            SpeedRows(output, root.FullName, newsHtml, articleBody, reader, textReader, baseline, TimeSpan.FromSeconds(seconds));
        }

        return failed ? 1 : 0;
    }

    private static int Show(DirectoryInfo root, string page)
    {
        var path = File.Exists(page) ? page : Path.Combine(root.FullName, "news-html", "html", page);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: {page} was not found");
            return 2;
        }

        var article = new HtmlArticleReader().Read(File.ReadAllText(path), path);
        Console.Out.WriteLine(JsonSerializer.Serialize(article, ShowOptions));
        return 0;
    }

    private static bool Row(TextWriter output, string corpus, string metric, double score, double bar)
    {
        var pass = score >= bar;
        output.WriteLine($"| {corpus} | {metric} | {score.ToString("F3", Invariant)} | ≥ {bar.ToString("F2", Invariant)} | {(pass ? "ok" : "BELOW")} |");
        return !pass;
    }

    private static void SpeedRows(TextWriter output, string root, string newsHtml, string articleBody, HtmlArticleReader reader,
        Func<byte[], string?, object?>? textReader, BaselineBuild? baseline, TimeSpan budget)
    {
        output.WriteLine();
        output.WriteLine("| speed (one thread, Release, warm) | items/s | MB/s | ratio | allocated per item |");
        output.WriteLine("|---|---|---|---|---|");
        if (Directory.Exists(newsHtml))
        {
            var pages = ExtractionCorpus.LoadNewsHtml(newsHtml).Select(item => ExtractionCorpus.ReadNewsHtml(newsHtml, item)).ToArray();
            var megabytes = pages.Sum(p => (double)System.Text.Encoding.UTF8.GetByteCount(p)) / 1e6;
            var parser = new HtmlParser();
            var (parseOnly, extract, _, parseBytes, extractBytes) = MeasurePair(pages, page => parser.ParseDocument(page).Dispose(), page => reader.Read(page, null), budget);
            output.WriteLine($"| news-html: AngleSharp parse only ({pages.Length} pages, {megabytes:F1} MB) | {parseOnly:F1} | {parseOnly * megabytes / pages.Length:F1} | 1.00× | {parseBytes / 1e6:F1} MB |");
            output.WriteLine($"| news-html: HtmlArticleReader.Read (parse + metadata + main content) | {extract:F1} | {extract * megabytes / pages.Length:F1} | {parseOnly / extract:F2}× the parse-only cost (bar ≤ {BenchBars.HtmlParseRatio:F0}×: {(parseOnly / extract <= BenchBars.HtmlParseRatio ? "ok" : "ABOVE")}) | {extractBytes / 1e6:F1} MB |");
            if (baseline is not null)
            {
                var (parseAgain, old, _, _, oldBytes) = MeasurePair(pages, page => parser.ParseDocument(page).Dispose(), page => baseline.ReadHtml(page), budget);
                output.WriteLine($"| news-html: the baseline build's HtmlArticleReader.Read | {old:F1} | {old * megabytes / pages.Length:F1} | {parseAgain / old:F2}× the parse-only cost | {oldBytes / 1e6:F1} MB |");
            }
        }

        // The articles as their files hold them (UTF-8 bytes): the row measures extraction from a file's content, not
        // the encoding of a test string.
        var texts = new List<byte[]>();
        if (Directory.Exists(articleBody))
        {
            texts.AddRange(ExtractionCorpus.LoadArticleBody(articleBody).Select(item => System.Text.Encoding.UTF8.GetBytes(item.Body)));
        }

        var seed = Path.Combine(root, "seed");
        if (Directory.Exists(seed))
        {
            texts.AddRange(Directory.EnumerateFiles(seed, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        }

        if (textReader is null)
        {
            output.WriteLine("| plain text: not wired (pass the text reader to BenchCommand.Create) | – | – | bar ≥ 1,000/s | |");
        }
        else if (texts.Count > 0)
        {
            var corpus = texts.ToArray();
            var (decodeOnly, rate, cpuRate, _, bytesPerArticle) = MeasurePair(corpus, bytes => System.Text.Encoding.UTF8.GetString(bytes), bytes => textReader(bytes, "article.txt"), budget);
            var averageBytes = corpus.Average(t => (double)t.Length);
            output.WriteLine($"| plain text: UTF-8 decode only ({corpus.Length} articles: article-body gold bodies and seed, {averageBytes / 1e3:F1} KB on average) | {decodeOnly:F0} | {decodeOnly * averageBytes / 1e6:F1} | 1.00× | |");
            output.WriteLine($"| plain text: ArticleExtractor (read, detect, extract, enrich), wall clock | {rate:F0} | {rate * averageBytes / 1e6:F1} | {decodeOnly / rate:F1}× the decode cost | {bytesPerArticle / 1e3:F1} KB |");
            output.WriteLine($"| plain text, per CPU second of the process (one core: GC, JIT and thread-pool threads included) | {cpuRate:F0} | {cpuRate * averageBytes / 1e6:F1} | bar ≥ {BenchBars.TextPerSecond:N0}/s: {(cpuRate >= BenchBars.TextPerSecond ? "ok" : "BELOW")} | |");
            if (baseline is not null)
            {
                var (decodeAgain, oldRate, oldCpuRate, _, oldBytes) = MeasurePair(corpus, bytes => System.Text.Encoding.UTF8.GetString(bytes), bytes => baseline.Extract(bytes, "article.txt"), budget);
                output.WriteLine($"| plain text: the baseline build's ArticleExtractor, wall clock | {oldRate:F0} | {oldRate * averageBytes / 1e6:F1} | {decodeAgain / oldRate:F1}× the decode cost | {oldBytes / 1e3:F1} KB |");
                output.WriteLine($"| plain text: the baseline build, per CPU second of the process | {oldCpuRate:F0} | {oldCpuRate * averageBytes / 1e6:F1} | | |");
            }
        }
    }

    /// <summary>
    /// Items per second of two actions over the same items, measured in alternating passes (after a warm-up of both)
    /// so that load from other processes hits both alike; runs until the budget (per action) is spent. Also the second
    /// action's items per CPU second of the whole process (its own thread plus GC, JIT and thread-pool threads), and
    /// the bytes each action allocates per item (in the whole process).
    /// </summary>
    private static (double First, double Second, double SecondPerCpuSecond, double FirstBytes, double SecondBytes) MeasurePair<T>(T[] items, Action<T> first, Action<T> second, TimeSpan budget)
    {
        WarmUp(items, item =>
        {
            first(item);
            second(item);
        });

        using var process = Process.GetCurrentProcess();
        var firstTime = TimeSpan.Zero;
        var secondTime = TimeSpan.Zero;
        var secondCpu = TimeSpan.Zero;
        long passes = 0;
        long firstBytes = 0;
        long secondBytes = 0;
        do
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var stopwatch = Stopwatch.StartNew();
            foreach (var item in items)
            {
                first(item);
            }

            firstTime += stopwatch.Elapsed;
            firstBytes += GC.GetTotalAllocatedBytes() - allocated;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            allocated = GC.GetTotalAllocatedBytes();
            stopwatch.Restart();
            foreach (var item in items)
            {
                second(item);
            }

            secondTime += stopwatch.Elapsed;
            secondBytes += GC.GetTotalAllocatedBytes() - allocated;
            process.Refresh();
            secondCpu += process.TotalProcessorTime - cpuBefore;
            passes++;
        }
        while (firstTime + secondTime < budget * 2);
        var done = (double)passes * items.Length;
        return (done / firstTime.TotalSeconds, done / secondTime.TotalSeconds, done / Math.Max(secondCpu.TotalSeconds, 1e-9), firstBytes / done, secondBytes / done);
    }

    /// <summary>
    /// Runs passes until the process's CPU time per pass settles: at least three seconds, then until two passes in a
    /// row cost within 3 % of the one before (at most 60 seconds). Tiered compilation recompiles hot methods in the
    /// background for seconds after they start, longer when earlier rows left it a queue (in this command the HTML
    /// reader's methods): a fixed short warm-up measured unoptimized code, a third of the steady-state speed.
    /// </summary>
    private static void WarmUp<T>(T[] items, Action<T> action)
    {
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var previous = double.MaxValue;
        var settled = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            foreach (var item in items)
            {
                action(item);
            }

            process.Refresh();
            var cost = (process.TotalProcessorTime - before).TotalSeconds;
            settled = Math.Abs(cost - previous) <= previous * 0.03 ? settled + 1 : 0;
            previous = cost;
            if (settled >= 2 && clock.Elapsed >= TimeSpan.FromSeconds(3))
            {
                return;
            }
        }
    }
}

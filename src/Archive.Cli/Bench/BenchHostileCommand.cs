using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archive.Core.Extraction;
using Archive.Extraction.Tooling.Hostile;

namespace Archive.Cli.Bench;

/// <summary>
/// <c>archive bench hostile</c>: runs every file of <see cref="HostileCorpus"/> through the extraction pipeline, each
/// in a child process of its own (so that a crash, a hang or a memory peak of one file is seen alone), and prints a
/// row per file: size, expected and actual outcome, time, bytes allocated and the peak resident memory of the
/// extraction (the child's peak is reset after the input is built and the extractor warmed up).
/// </summary>
internal static class BenchHostileCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var only = new Option<string?>("--file") { Description = "Measure one file in this process and print its row as JSON (what the child processes run)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds after which a file's child process is killed and the file reported as a hang.", DefaultValueFactory = _ => 120.0 };
        var command = new Command("hostile", "Run the generated hostile-file corpus through extraction: outcome, time and memory per file.");
        command.Options.Add(only);
        command.Options.Add(timeout);
        command.SetAction(parse => parse.GetValue(only) is { } name
            ? RunOne(name, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)
            : RunAll(TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int RunAll(TimeSpan timeout, TextWriter output)
    {
        output.WriteLine("| file | size | expected | outcome | ok | time | allocated | RSS before → peak | message or warning |");
        output.WriteLine("|---|---:|---|---|---|---:|---:|---:|---|");
        var failures = 0;
        foreach (var file in HostileCorpus.All)
        {
            var row = RunChild(file.Name, timeout);
            var expected = file.ExpectedCode ?? "article";
            var ok = row.Outcome == expected;
            failures += ok ? 0 : 1;
            output.WriteLine(
                $"| {file.Name} | {Size(row.Size)} | {expected} | {row.Outcome} | {(ok ? "ok" : "UNEXPECTED")} | {row.Milliseconds.ToString("N0", Invariant)} ms | {Size(row.Allocated)} | {Size(row.BaselineRss)} → {Size(row.PeakRss)} | {row.Message} |");
        }

        output.WriteLine();
        output.WriteLine($"{HostileCorpus.All.Count} files, {failures} unexpected outcome(s).");
        return failures == 0 ? 0 : 1;
    }

    private static Row RunChild(string name, TimeSpan timeout)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchHostileCommand).Assembly.Location);
        }

        foreach (var argument in new[] { "bench", "hostile", "--file", name })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(timeout))
        {
            child.Kill(entireProcessTree: true);
            return new Row(0, $"HANG (killed after {timeout.TotalSeconds:N0} s)", (long)timeout.TotalMilliseconds, 0, 0, 0, string.Empty);
        }

        var line = stdout.Result.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (child.ExitCode != 0 || line is null)
        {
            var error = stderr.Result.Split('\n').FirstOrDefault(l => l.Length > 0) ?? string.Empty;
            return new Row(0, $"CRASH (exit {child.ExitCode})", 0, 0, 0, 0, error.Length > 100 ? error[..100] : error);
        }

        return JsonSerializer.Deserialize<Row>(line)!;
    }

    private static int RunOne(string name, TextWriter output, TextWriter error)
    {
        var file = HostileCorpus.All.FirstOrDefault(f => f.Name == name);
        if (file is null)
        {
            error.WriteLine($"error: no hostile file named {name}; the files: {string.Join(", ", HostileCorpus.All.Select(f => f.Name))}");
            return 2;
        }

        var extractor = new ArticleExtractor();
        foreach (var (ordinaryName, content) in HostileCorpus.Ordinary())
        {
            extractor.Extract(content, ordinaryName);
        }

        var size = file.Length;
        using var stream = file.Open();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeakRss();
        var baseline = Environment.WorkingSet;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = extractor.ExtractAsync(stream, file.Name, file.DeclaredLength, CancellationToken.None).GetAwaiter().GetResult();
        var elapsed = stopwatch.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var note = result.Succeeded ? string.Join(" / ", result.Article.Warnings) : result.Error.Message;
        note = note.Length > 110 ? note[..110] + "…" : note;
        var row = new Row(size, result.Succeeded ? "article" : result.Error.Code, (long)elapsed.TotalMilliseconds, allocated, baseline, self.PeakWorkingSet64, note.Replace('|', '/'));
        output.WriteLine(JsonSerializer.Serialize(row));
        return 0;
    }

    /// <summary>Resets the kernel's peak resident set size of this process (Linux: "5" into clear_refs); elsewhere a no-op.</summary>
    private static void ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers building the input too.
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        <= 0 => "–",
        < 10 * 1024 => bytes.ToString("N0", Invariant) + " B",
        < 10L * 1024 * 1024 => (bytes / 1024.0).ToString("N0", Invariant) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("N0", Invariant) + " MiB",
    };

    private sealed record Row(long Size, string Outcome, long Milliseconds, long Allocated, long BaselineRss, long PeakRss, string Message);
}

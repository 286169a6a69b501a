using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Archive.Fuzz;

/// <summary>
/// The built-in fuzzing engine for machines without AFL: random mutations (bit flips, interesting bytes, the target's
/// tokens, deletions, repeated slices that build deep nesting, splices, truncation) stacked over seed inputs, with a
/// fixed random seed and a time budget. Feedback is coarse: an input whose outcome (format or error code, and its
/// warnings) was not seen before joins the corpus. Findings are saved; before every execution the input is written
/// to <c>current.bin</c> so that a process death (stack overflow, out of memory) can be attributed by the caller,
/// and a watchdog saves an input that runs longer than the hang limit and ends the process (exit code 3).
/// </summary>
internal sealed class MutationDriver(FuzzTarget target, int seed, TimeSpan budget, TimeSpan hangLimit, string outputDirectory)
{
    private const int MaxInputBytes = 256 * 1024;
    private const int MaxCorpus = 2_000;

    private static readonly byte[] Interesting = [0x00, 0xFF, 0x7F, 0x80, (byte)'<', (byte)'>', (byte)'[', (byte)']', (byte)'{', (byte)'}', (byte)'"', (byte)'\n', (byte)'-', (byte)'\\', (byte)'&', (byte)'#', 0xC3, 0xE2, 0xEF, 0xBB, 0xBF];

    private readonly Random random = new(seed);
    private readonly List<byte[]> corpus = [];
    private readonly HashSet<string> outcomes = new(StringComparer.Ordinal);
    private long started = long.MaxValue;

    public long Executions { get; private set; }

    public int Crashes { get; private set; }

    public int Unanticipated { get; private set; }

    public int Run()
    {
        var crashes = Directory.CreateDirectory(Path.Combine(outputDirectory, "crashes")).FullName;
        using var current = new FileStream(Path.Combine(outputDirectory, "current.bin"), FileMode.Create, FileAccess.Write, FileShare.Read);
        corpus.AddRange(target.Seeds());
        foreach (var input in corpus)
        {
            Remember(input);
        }

        using var watchdog = new Timer(_ => CheckHang(current.Name), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var lastStats = TimeSpan.Zero;
        var savedFingerprints = new HashSet<string>(StringComparer.Ordinal);
        while (clock.Elapsed < budget)
        {
            var input = Mutate();
            current.Position = 0;
            current.Write(input);
            current.SetLength(input.Length);
            current.Flush();
            Interlocked.Exchange(ref started, Stopwatch.GetTimestamp());
            try
            {
                var outcome = FuzzTargets.Run(target, input);
                if (outcomes.Add(outcome) && corpus.Count < MaxCorpus)
                {
                    corpus.Add(input);
                }
            }
            catch (FuzzFindingException ex)
            {
                if (ex.Message.Contains(FuzzTargets.LastResort, StringComparison.Ordinal))
                {
                    Unanticipated++;
                }
                else
                {
                    Crashes++;
                }

                if (savedFingerprints.Add(ex.Message.Split('\n')[0]))
                {
                    Save(crashes, "crash", input, ex.ToString());
                }
            }
            finally
            {
                Interlocked.Exchange(ref started, long.MaxValue);
            }

            Executions++;
            if (clock.Elapsed - lastStats > TimeSpan.FromSeconds(1))
            {
                lastStats = clock.Elapsed;
                WriteStats(clock.Elapsed);
            }
        }

        WriteStats(clock.Elapsed);
        return Crashes == 0 ? 0 : 1;
    }

    private void Remember(byte[] input)
    {
        try
        {
            outcomes.Add(FuzzTargets.Run(target, input));
        }
        catch (FuzzFindingException)
        {
            // A seed that breaks a promise is still a seed; its mutations report it.
        }
    }

    private byte[] Mutate()
    {
        var data = new List<byte>(corpus[random.Next(corpus.Count)]);
        var steps = 1 << random.Next(4);
        for (var i = 0; i < steps; i++)
        {
            MutateOnce(data);
        }

        if (data.Count > MaxInputBytes)
        {
            data.RemoveRange(MaxInputBytes, data.Count - MaxInputBytes);
        }

        return [.. data];
    }

    private void MutateOnce(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(10))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2 when data.Count > 0:
                data[at] = (byte)random.Next(256);
                break;
            case 3:
            case 4:
                data.InsertRange(at, Encoding.UTF8.GetBytes(target.Tokens[random.Next(target.Tokens.Length)]));
                break;
            case 5 when data.Count > 1:
                data.RemoveRange(at, random.Next(1, Math.Min(data.Count - at, 64) + 1));
                break;
            case 6 when data.Count > 1:
            {
                // Repeat a short slice many times: deep nesting, long runs.
                var length = random.Next(1, Math.Min(data.Count - at, 16) + 1);
                var slice = data.GetRange(at, length);
                var times = random.Next(2) == 0 ? random.Next(2, 16) : random.Next(16, 4_000);
                for (var i = 0; i < times && data.Count < MaxInputBytes; i++)
                {
                    data.InsertRange(at, slice);
                }

                break;
            }

            case 7 when corpus.Count > 1:
            {
                var other = corpus[random.Next(corpus.Count)];
                var from = random.Next(other.Length);
                data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, random.Next(1, 512))).ToArray());
                break;
            }

            case 8 when data.Count > 1:
                data.RemoveRange(at, data.Count - at);
                break;
            default:
                data.Insert(at, (byte)random.Next(256));
                break;
        }
    }

    private void CheckHang(string currentPath)
    {
        var since = Interlocked.Read(ref started);
        if (since == long.MaxValue || Stopwatch.GetElapsedTime(since) < hangLimit)
        {
            return;
        }

        var hangs = Directory.CreateDirectory(Path.Combine(outputDirectory, "hangs")).FullName;
        var input = File.ReadAllBytes(currentPath);
        Save(hangs, "hang", input, $"one execution ran longer than {hangLimit.TotalSeconds:N0} s");
        Console.Out.WriteLine(StatsLine(TimeSpan.Zero, hang: true));
        Console.Out.Flush();
        Environment.Exit(3);
    }

    private static void Save(string directory, string kind, byte[] input, string why)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{kind}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input))[..12].ToLowerInvariant()}");
        File.WriteAllBytes(Path.Combine(directory, name + ".bin"), input);
        File.WriteAllText(Path.Combine(directory, name + ".txt"), why);
    }

    private void WriteStats(TimeSpan elapsed) =>
        File.WriteAllText(Path.Combine(outputDirectory, "stats.txt"), StatsLine(elapsed, hang: false) + "\n");

    private string StatsLine(TimeSpan elapsed, bool hang) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"target={target.Name} execs={Executions} crashes={Crashes} hangs={(hang ? 1 : 0)} unanticipated={Unanticipated} corpus={corpus.Count} outcomes={outcomes.Count} seconds={elapsed.TotalSeconds:F0}");

    public string Summary(TimeSpan elapsed) => StatsLine(elapsed, hang: false);
}

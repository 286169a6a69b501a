using System.Diagnostics;
using System.Globalization;
using Archive.Testing;

namespace Archive.Reliability;

/// <summary>
/// The reliability scenarios of issue #9 (hostile files and fuzzing live with extraction). Each runs under its own
/// blob prefix on a shared stack, ends when the index matches storage under that prefix (or a deadline passes) and
/// returns its row; the caller decides what fails. Sizes are parameters: small in the tests, 2,000 in ./reliability.sh.
/// </summary>
public static class Scenarios
{
    /// <summary>Upload parallelism of a burst.</summary>
    public const int Parallelism = 8;

    /// <summary>How long Event Grid's retry keeps delivering one event here.</summary>
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<string> Names { get; } = ["search-outage", "throttling", "host-crash", "storage-restart", "emulator-crash", "duplicate-delivery", "interleaved"];

    public static Task<ScenarioRow> RunAsync(string name, ReliabilityStack stack, int uploads) => name switch
    {
        "throttling" => ThrottlingAsync(stack, uploads),
        "search-outage" => SearchOutageAsync(stack, Math.Max(1, uploads / 40)),
        "host-crash" => HostCrashAsync(stack, uploads),
        "storage-restart" => StorageRestartAsync(stack, uploads),
        "emulator-crash" => EmulatorCrashAsync(stack, uploads),
        "duplicate-delivery" => DuplicateDeliveryAsync(stack, uploads),
        "interleaved" => InterleavedAsync(stack, uploads),
        _ => throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>Time allowed for the index to catch up after the last upload: generous, since the machine may be shared.</summary>
    public static TimeSpan ConvergenceDeadline(int uploads) => TimeSpan.FromSeconds(Math.Max(180, uploads / 4.0));

    /// <summary>1. 20 % of search calls fail with 429 or 503 (with Retry-After): the SDK's retries absorb them.</summary>
    public static async Task<ScenarioRow> ThrottlingAsync(ReliabilityStack stack, int uploads)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s1-throttling/";
        var clock = Stopwatch.StartNew();
        var before = await stack.Search.SetFaultsAsync(new SearchEmulatorFaults(Rate: 0.2, Statuses: [429, 503])).ConfigureAwait(false);
        Snapshot end;
        long injected;
        try
        {
            var deliveries = await BurstAsync(stack, prefix, uploads, seed: 1_000_000, midway: null).ConfigureAwait(false);
            await Task.WhenAll(deliveries).ConfigureAwait(false);
            end = await stack.WaitUntilConvergedAsync(prefix, ConvergenceDeadline(uploads)).ConfigureAwait(false);
        }
        finally
        {
            injected = (await stack.Search.SetFaultsAsync(SearchEmulatorFaults.None).ConfigureAwait(false)).Injected - before.Injected;
        }

        var poisoned = await stack.CountPoisonedAsync(prefix).ConfigureAwait(false);
        return ScenarioRow.From("1. throttling: 20 % of search calls 429/503", uploads, end, poisoned, clock.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{injected} faults injected"));
    }

    /// <summary>
    /// 1b. Search fails everything for longer than the retries: the blob trigger poisons each upload after
    /// host.json's poisonBlobThreshold attempts; once search is back, <c>archive replay-poison</c> indexes them all.
    /// </summary>
    public static async Task<ScenarioRow> SearchOutageAsync(ReliabilityStack stack, int uploads)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s1-outage/";
        var clock = Stopwatch.StartNew();
        int poisoned;
        await stack.Search.SetFaultsAsync(new SearchEmulatorFaults(Statuses: [503], FailAllForSeconds: 3600)).ConfigureAwait(false);
        try
        {
            // No webhook delivery: in Azure the Event Grid-source trigger queues each event and retries it (then
            // poisons) like the dev host's blob listener does here; the dev host's webhook calls the function once.
            for (var i = 0; i < uploads; i++)
            {
                await stack.UploadAsync(Name(prefix, i), GeneratedArticles.Text(2_000_000 + i)).ConfigureAwait(false);
            }

            poisoned = (await Poll.UntilAsync(
                async () => await stack.CountPoisonedAsync(prefix).ConfigureAwait(false) is var n && n >= uploads ? (int?)n : null,
                TimeSpan.FromSeconds(300 + (uploads * 8)),
                $"{uploads} poison messages under {prefix}").ConfigureAwait(false)).GetValueOrDefault();
        }
        finally
        {
            await stack.Search.SetFaultsAsync(SearchEmulatorFaults.None).ConfigureAwait(false);
        }

        var (exitCode, output) = await stack.ReplayPoisonAsync().ConfigureAwait(false);
        var end = await stack.WaitUntilConvergedAsync(prefix, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var left = await stack.CountPoisonedAsync(prefix).ConfigureAwait(false);
        return ScenarioRow.From("1b. search down > retries, then replay-poison", uploads, end, poisoned, clock.Elapsed,
            $"replay-poison exit {exitCode}, {left} poison messages left; {output.Trim().Split('\n')[^1].Trim()}") with { ReplayExitCode = exitCode };
    }

    /// <summary>2. kill -9 of the dev host and its worker halfway through a burst, then a restart: each article indexed once.</summary>
    public static async Task<ScenarioRow> HostCrashAsync(ReliabilityStack stack, int uploads)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s2-host-crash/";
        var clock = Stopwatch.StartNew();
        var deliveries = await BurstAsync(stack, prefix, uploads, seed: 3_000_000, midway: stack.KillHostAsync).ConfigureAwait(false);
        await stack.StartHostAsync().ConfigureAwait(false);
        await Task.WhenAll(deliveries).ConfigureAwait(false);
        var end = await stack.WaitUntilConvergedAsync(prefix, ConvergenceDeadline(uploads)).ConfigureAwait(false);
        return ScenarioRow.From("2. dev host + worker kill -9 mid-burst, restart", uploads, end, await stack.CountPoisonedAsync(prefix).ConfigureAwait(false), clock.Elapsed, "Event Grid redelivers until 2xx");
    }

    /// <summary>
    /// 3. Azurite stopped and started again on its --location halfway through a burst: uploads and deliveries that
    /// meet it down are retried (as the SDK and Event Grid do); every article stored ends indexed.
    /// </summary>
    public static async Task<ScenarioRow> StorageRestartAsync(ReliabilityStack stack, int uploads)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s3-storage-restart/";
        var clock = Stopwatch.StartNew();
        var deliveries = await BurstAsync(stack, prefix, uploads, seed: 3_500_000, midway: stack.Azurite.RestartAsync).ConfigureAwait(false);
        await Task.WhenAll(deliveries).ConfigureAwait(false);
        var end = await stack.WaitUntilConvergedAsync(prefix, ConvergenceDeadline(uploads)).ConfigureAwait(false);
        return ScenarioRow.From("3. Azurite restart mid-burst (persisted --location)", uploads, end, await stack.CountPoisonedAsync(prefix).ConfigureAwait(false), clock.Elapsed, "uploads retried while it is down");
    }

    /// <summary>4. kill -9 of the search emulator halfway through a burst, restarted on its data folder: everything ends indexed.</summary>
    public static async Task<ScenarioRow> EmulatorCrashAsync(ReliabilityStack stack, int uploads)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s4-emulator-crash/";
        var clock = Stopwatch.StartNew();
        var deliveries = await BurstAsync(stack, prefix, uploads, seed: 4_000_000, midway: stack.Search.RestartAsync).ConfigureAwait(false);
        await Task.WhenAll(deliveries).ConfigureAwait(false);
        var end = await stack.WaitUntilConvergedAsync(prefix, ConvergenceDeadline(uploads)).ConfigureAwait(false);
        return ScenarioRow.From("4. search emulator kill -9 mid-burst, restart", uploads, end, await stack.CountPoisonedAsync(prefix).ConfigureAwait(false), clock.Elapsed, string.Empty);
    }

    /// <summary>5. The same BlobCreated event delivered twice at the same moment (and the blob listener as a third path): one document each.</summary>
    public static async Task<ScenarioRow> DuplicateDeliveryAsync(ReliabilityStack stack, int uploads)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s5-duplicate-delivery/";
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, uploads), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var blob = await stack.UploadAsync(Name(prefix, i), GeneratedArticles.Text(5_000_000 + i)).ConfigureAwait(false);
            await Task.WhenAll(stack.DeliverBlobCreatedAsync(blob, DeliveryDeadline), stack.DeliverBlobCreatedAsync(blob, DeliveryDeadline)).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var end = await stack.WaitUntilConvergedAsync(prefix, ConvergenceDeadline(uploads)).ConfigureAwait(false);
        return ScenarioRow.From("5. duplicate delivery (same event twice at once)", uploads, end, await stack.CountPoisonedAsync(prefix).ConfigureAwait(false), clock.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{end.SelfDuplicate} duplicateOf pointing at itself"));
    }

    /// <summary>
    /// 8. Uploads, overwrites and deletes of the same few names interleaved under load; the index must converge to the
    /// container's final state, and a reconcile afterwards finds nothing to repair.
    /// </summary>
    public static async Task<ScenarioRow> InterleavedAsync(ReliabilityStack stack, int operations)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string prefix = "s8-interleaved/";
        var clock = Stopwatch.StartNew();
        var names = Math.Max(4, operations / 10);
        var deliveries = new List<Task>();
        var uploads = 0;
        var deletes = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, operations), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var random = new Random(8_000_000 + i);
            var name = Name(prefix, random.Next(names));
            if (random.NextDouble() < 0.25)
            {
                await stack.DeleteAsync(name).ConfigureAwait(false);
                Interlocked.Increment(ref deletes);
                return;
            }

            var blob = await stack.UploadAsync(name, GeneratedArticles.Text(8_000_000 + i)).ConfigureAwait(false);
            Interlocked.Increment(ref uploads);
            lock (deliveries)
            {
                deliveries.Add(stack.DeliverBlobCreatedAsync(blob, DeliveryDeadline));
            }
        }).ConfigureAwait(false);
        await Task.WhenAll(deliveries).ConfigureAwait(false);
        var end = await stack.WaitUntilConvergedAsync(prefix, ConvergenceDeadline(operations)).ConfigureAwait(false);
        // Reconcile covers the whole container, so it runs once every scenario's blobs have settled; otherwise the
        // differences under this prefix are the ones a reconcile would repair here.
        var everything = await stack.WaitUntilConvergedAsync(string.Empty, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var differences = everything.Converged
            ? (await stack.ReconcileAsync().ConfigureAwait(false)) is var reconcile ? reconcile.Reingested + reconcile.Removed : 0
            : end.Lost + end.Stale + end.Orphans;
        return ScenarioRow.From("8. interleaved uploads/overwrites/deletes, same names", uploads, end, await stack.CountPoisonedAsync(prefix).ConfigureAwait(false), clock.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{operations} operations on {names} names ({deletes} deletes); {end.Blobs} blobs at the end; reconcile differences {differences}"))
            with { ReconcileDifferences = differences };
    }

    /// <summary>Uploads <paramref name="count"/> articles in parallel, delivering each BlobCreated in the background; runs <paramref name="midway"/> at half.</summary>
    private static async Task<List<Task>> BurstAsync(ReliabilityStack stack, string prefix, int count, int seed, Func<Task>? midway)
    {
        var deliveries = new List<Task>(count);
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var blob = await stack.UploadWithRetryAsync(Name(prefix, i), GeneratedArticles.Text(seed + i), DeliveryDeadline).ConfigureAwait(false);
            lock (deliveries)
            {
                deliveries.Add(stack.DeliverBlobCreatedAsync(blob, DeliveryDeadline));
            }

            if (Interlocked.Increment(ref done) == count / 2 && midway is not null)
            {
                await midway().ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return deliveries;
    }

    private static string Name(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D5}.txt");
}

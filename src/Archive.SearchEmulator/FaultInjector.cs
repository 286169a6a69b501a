using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.SearchEmulator;

/// <summary>
/// Applies <see cref="FaultSettings"/> to incoming requests (before they touch an index, so a faulted write never
/// happens) and serves <c>GET|POST /admin/faults</c> to read or change them at run time.
/// </summary>
internal sealed class FaultInjector
{
    public const string AdminPath = "/admin/faults";

    private readonly TimeProvider time;
    private readonly ILogger<FaultInjector> logger;
    private readonly Lock gate = new();
    private FaultSettings settings = FaultSettings.None;
    private DateTimeOffset failAllUntil;
    private long injected;

    public FaultInjector(EmulatorOptions options, TimeProvider time, ILogger<FaultInjector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        this.logger = logger;
        Apply(options.Faults);
    }

    /// <summary>Readiness and administration are never faulted, so a harness can always reach the emulator.</summary>
    public static bool IsExempt(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed == "/servicestats" || trimmed == "/admin" || trimmed.StartsWith("/admin/", StringComparison.Ordinal);
    }

    /// <summary>Replaces the settings; a fail-all window starts now.</summary>
    public void Apply(FaultSettings next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (gate)
        {
            settings = next;
            failAllUntil = next.FailAllForSeconds > 0 ? time.GetUtcNow().AddSeconds(next.FailAllForSeconds) : DateTimeOffset.MinValue;
        }

        if (next.Rate > 0 || next.LatencyMs > 0 || next.FailAllForSeconds > 0 || next.ItemRate > 0)
        {
            Log.FaultsSet(logger, next.Rate, string.Join(',', next.Statuses), next.LatencyMs, next.FailAllForSeconds);
        }
    }

    /// <summary>
    /// Waits the configured latency, then decides whether this request fails. Returns the status to answer with, or
    /// null to handle the request normally.
    /// </summary>
    public async Task<int?> BeforeRequestAsync(CancellationToken cancellationToken)
    {
        FaultSettings current;
        bool failAll;
        lock (gate)
        {
            current = settings;
            failAll = time.GetUtcNow() < failAllUntil;
        }

        if (current.LatencyMs > 0)
        {
            await Task.Delay(current.LatencyMs, cancellationToken).ConfigureAwait(false);
        }

        if (!failAll && (current.Rate <= 0 || Random.Shared.NextDouble() >= current.Rate))
        {
            return null;
        }

        Interlocked.Increment(ref injected);
        return current.Statuses[Random.Shared.Next(current.Statuses.Count)];
    }

    /// <summary>
    /// Per-item faults (<c>--fault-item-rate</c>): for each action of an indexing batch, the status it fails with
    /// (not applied, the others are), or null. The status is one of the configured statuses that Azure gives single
    /// items for transient reasons (409, 422, 503), 503 if none is.
    /// </summary>
    public int?[] PickItemFaults(int count)
    {
        FaultSettings current;
        lock (gate)
        {
            current = settings;
        }

        var picked = new int?[count];
        if (current.ItemRate <= 0)
        {
            return picked;
        }

        int[] itemStatuses = [.. current.Statuses.Where(s => s is 409 or 422 or 503)];
        for (var i = 0; i < count; i++)
        {
            if (Random.Shared.NextDouble() < current.ItemRate)
            {
                picked[i] = itemStatuses.Length == 0 ? 503 : itemStatuses[Random.Shared.Next(itemStatuses.Length)];
                Interlocked.Increment(ref injected);
            }
        }

        return picked;
    }

    /// <summary>Answers an injected failure in Azure's error shape; 429 and 503 tell the client when to retry.</summary>
    public static async Task WriteFaultAsync(HttpContext context, int status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (status is 429 or 503)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status == 429 ? "TooManyRequests" : "ServiceUnavailable",
                ["message"] = string.Create(CultureInfo.InvariantCulture, $"Injected fault ({status}) by the emulator's fault injection."),
            },
        };
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(error), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /admin/faults</c> returns the settings and counters; <c>POST</c> replaces them (JSON: rate, statuses, latencyMs, failAllForSeconds).</summary>
    public async Task HandleAdminAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Request.Method)
        {
            case "GET":
                break;
            case "POST" or "PUT":
                var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(cancellationToken).ConfigureAwait(false)) as JsonObject
                    ?? throw SearchApiException.BadRequest("The body must be a JSON object: {rate, statuses, latencyMs, failAllForSeconds, itemRate}.");
                FaultSettings next;
                try
                {
                    next = new FaultSettings(
                        body["rate"]?.GetValue<double>() ?? 0,
                        body["statuses"] is JsonArray statuses ? [.. statuses.Select(s => s!.GetValue<int>())] : FaultSettings.DefaultStatuses,
                        body["latencyMs"]?.GetValue<int>() ?? 0,
                        body["failAllForSeconds"]?.GetValue<int>() ?? 0)
                    {
                        ItemRate = body["itemRate"]?.GetValue<double>() ?? 0,
                    }.Validated();
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
                {
                    throw SearchApiException.BadRequest("Invalid fault settings: " + ex.Message);
                }

                Apply(next);
                break;
            default:
                throw new SearchApiException(405, string.Empty, "Use GET or POST on /admin/faults.");
        }

        FaultSettings current;
        double failAllRemaining;
        lock (gate)
        {
            current = settings;
            failAllRemaining = Math.Max(0, (failAllUntil - time.GetUtcNow()).TotalSeconds);
        }

        var state = new JsonObject
        {
            ["rate"] = current.Rate,
            ["statuses"] = new JsonArray([.. current.Statuses.Select(s => (JsonNode)s)]),
            ["latencyMs"] = current.LatencyMs,
            ["failAllForSeconds"] = current.FailAllForSeconds,
            ["itemRate"] = current.ItemRate,
            ["failAllRemainingSeconds"] = Math.Round(failAllRemaining, 1),
            ["injected"] = Interlocked.Read(ref injected),
        };
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(state), cancellationToken).ConfigureAwait(false);
    }
}

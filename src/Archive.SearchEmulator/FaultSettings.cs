namespace Archive.SearchEmulator;

/// <summary>
/// Injected failures, for reliability tests: a share of data-plane requests answered with one of <see cref="Statuses"/>
/// (429/503 carry <c>Retry-After</c>), an added delay before every request, and a window in which every request fails.
/// Readiness (<c>GET /servicestats</c>) and <c>/admin/*</c> are never faulted.
/// </summary>
internal sealed record FaultSettings(double Rate, IReadOnlyList<int> Statuses, int LatencyMs, int FailAllForSeconds)
{
    public static readonly IReadOnlyList<int> DefaultStatuses = [503];

    public static FaultSettings None { get; } = new(0, DefaultStatuses, 0, 0);

    /// <summary>The share of the actions in an indexing batch that fail on their own (207 with a 503 item), the rest applied.</summary>
    public double ItemRate { get; init; }

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the command-line option that is wrong.</summary>
    public FaultSettings Validated()
    {
        if (double.IsNaN(Rate) || Rate is < 0 or > 1)
        {
            throw new ArgumentException($"--fault-rate must be between 0 and 1, not {Rate}.");
        }

        if (double.IsNaN(ItemRate) || ItemRate is < 0 or > 1)
        {
            throw new ArgumentException($"--fault-item-rate must be between 0 and 1, not {ItemRate}.");
        }

        if (Statuses.Count == 0 || Statuses.Any(s => s is < 400 or > 599))
        {
            throw new ArgumentException("--fault-status must list HTTP error statuses (400-599), for example 429,503.");
        }

        if (LatencyMs is < 0 or > 600_000)
        {
            throw new ArgumentException("--fault-latency-ms must be between 0 and 600000.");
        }

        if (FailAllForSeconds is < 0 or > 86_400)
        {
            throw new ArgumentException("--fault-all-for-seconds must be between 0 and 86400.");
        }

        return this;
    }
}

using System.Globalization;

namespace Archive.SearchEmulator;

/// <summary>The emulator's command-line settings.</summary>
internal sealed record EmulatorOptions(int Port, string? DataDirectory, string ApiKey, string? CertificateOutputPath, bool InMemory)
{
    /// <summary>Injected failures at start (none unless a --fault-* option is given); /admin/faults changes them later.</summary>
    public FaultSettings Faults { get; init; } = FaultSettings.None;

    /// <summary>How long after its acknowledgement a write becomes visible to searches, lookups and counts (Azure: a few seconds).</summary>
    public int RefreshDelayMs { get; init; }

    public const string Usage =
        "usage: Archive.SearchEmulator --port PORT --data-dir DIR --api-key KEY [--cert-out PATH] [--in-memory]" +
        " [--fault-rate 0..1] [--fault-status 429,503] [--fault-latency-ms N] [--fault-all-for-seconds N]" +
        " [--fault-item-rate 0..1] [--refresh-delay-ms N]";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a usage message when they are wrong.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        string? dataDir = null;
        string? apiKey = null;
        string? certOut = null;
        var inMemory = false;
        var faultRate = 0.0;
        var faultStatuses = FaultSettings.DefaultStatuses;
        var faultLatency = 0;
        var failAllFor = 0;
        var itemRate = 0.0;
        var refreshDelay = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--port" or "--data-dir" or "--api-key" or "--cert-out" or "--fault-rate" or "--fault-status" or "--fault-latency-ms" or "--fault-all-for-seconds"
                    or "--fault-item-rate" or "--refresh-delay-ms":
                    if (i + 1 >= args.Count)
                    {
                        throw new ArgumentException($"{arg} needs a value. {Usage}");
                    }

                    var value = args[++i];
                    switch (arg)
                    {
                        case "--port":
                            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 65535)
                            {
                                throw new ArgumentException($"--port must be a number between 0 and 65535, not '{value}'. {Usage}");
                            }

                            port = p;
                            break;
                        case "--data-dir":
                            dataDir = Path.GetFullPath(value);
                            break;
                        case "--api-key":
                            apiKey = value;
                            break;
                        case "--fault-rate":
                            faultRate = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                                ? rate
                                : throw new ArgumentException($"--fault-rate must be a number between 0 and 1, not '{value}'. {Usage}");
                            break;
                        case "--fault-status":
                            faultStatuses = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s =>
                                int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                                    ? status
                                    : throw new ArgumentException($"--fault-status takes HTTP statuses separated by commas, not '{value}'. {Usage}"))];
                            break;
                        case "--fault-latency-ms":
                            faultLatency = Whole(arg, value);
                            break;
                        case "--fault-all-for-seconds":
                            failAllFor = Whole(arg, value);
                            break;
                        case "--fault-item-rate":
                            itemRate = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ir)
                                ? ir
                                : throw new ArgumentException($"--fault-item-rate must be a number between 0 and 1, not '{value}'. {Usage}");
                            break;
                        case "--refresh-delay-ms":
                            refreshDelay = Whole(arg, value);
                            if (refreshDelay > 600_000)
                            {
                                throw new ArgumentException($"--refresh-delay-ms must be between 0 and 600000, not '{value}'. {Usage}");
                            }

                            break;
                        default:
                            certOut = Path.GetFullPath(value);
                            break;
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{arg}'. {Usage}");
            }
        }

        if (port is null)
        {
            throw new ArgumentException($"--port is required. {Usage}");
        }

        if (string.IsNullOrEmpty(apiKey))
        {
            throw new ArgumentException($"--api-key is required. {Usage}");
        }

        if (dataDir is null && !inMemory)
        {
            throw new ArgumentException($"--data-dir is required unless --in-memory is given. {Usage}");
        }

        FaultSettings faults;
        try
        {
            faults = new FaultSettings(faultRate, faultStatuses, faultLatency, failAllFor) { ItemRate = itemRate }.Validated();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{ex.Message} {Usage}", ex);
        }

        return new EmulatorOptions(port.Value, dataDir, apiKey, certOut, inMemory) { Faults = faults, RefreshDelayMs = refreshDelay };
    }

    private static int Whole(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{option} must be a whole number, not '{value}'. {Usage}");
}

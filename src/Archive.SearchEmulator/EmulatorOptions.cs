using System.Globalization;

namespace Archive.SearchEmulator;

/// <summary>The emulator's command-line settings.</summary>
internal sealed record EmulatorOptions(int Port, string? DataDirectory, string ApiKey, string? CertificateOutputPath, bool InMemory)
{
    public const string Usage =
        "usage: Archive.SearchEmulator --port PORT --data-dir DIR --api-key KEY [--cert-out PATH] [--in-memory]";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a usage message when they are wrong.</summary>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        string? dataDir = null;
        string? apiKey = null;
        string? certOut = null;
        var inMemory = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--in-memory":
                    inMemory = true;
                    break;
                case "--port" or "--data-dir" or "--api-key" or "--cert-out":
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

        return new EmulatorOptions(port.Value, dataDir, apiKey, certOut, inMemory);
    }
}

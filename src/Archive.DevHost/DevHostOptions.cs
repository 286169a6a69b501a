using System.Globalization;

namespace Archive.DevHost;

/// <summary>The command line of the dev host.</summary>
public sealed record DevHostOptions
{
    public const string Usage =
        "usage: Archive.DevHost [--app <worker build output>] [--port 7071] [--settings <local.settings.json>] [--host-id <id>] [--verbose]\n" +
        "  --app       the isolated worker's build output (worker.config.json, functions.metadata);\n" +
        "              default: artifacts/bin/Archive.Functions/debug under the repository\n" +
        "  --port      the public HTTP port (default 7071)\n" +
        "  --settings  a local.settings.json whose Values become the worker's environment\n" +
        "              (default: the one in the app folder, if any); variables already set win\n" +
        "  --host-id   the id the blob and queue listeners use for receipts and queues (default: from the app name)\n" +
        "  --verbose   print every worker log line, including framework and system ones";

    public required string AppDirectory { get; init; }

    public int Port { get; init; } = 7071;

    public string? SettingsPath { get; init; }

    public string? HostId { get; init; }

    public bool Verbose { get; init; }

    /// <summary>Parses the command line; returns null and an error message when it is not valid.</summary>
    public static DevHostOptions? Parse(IReadOnlyList<string> args, string defaultAppDirectory, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DevHostOptions { AppDirectory = defaultAppDirectory };
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Next()
            {
                if (i + 1 >= args.Count)
                {
                    return null;
                }

                i++;
                return args[i];
            }

            switch (arg)
            {
                case "--app":
                    var app = Next();
                    if (app is null)
                    {
                        error = "--app needs a folder";
                        return null;
                    }

                    options = options with { AppDirectory = Path.GetFullPath(app) };
                    break;
                case "--port":
                    var portText = Next();
                    if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                    {
                        error = $"--port needs a port number (1-65535), got '{portText}'";
                        return null;
                    }

                    options = options with { Port = port };
                    break;
                case "--settings":
                    var settings = Next();
                    if (settings is null)
                    {
                        error = "--settings needs a file";
                        return null;
                    }

                    options = options with { SettingsPath = Path.GetFullPath(settings) };
                    break;
                case "--host-id":
                    var hostId = Next();
                    if (string.IsNullOrWhiteSpace(hostId))
                    {
                        error = "--host-id needs a value";
                        return null;
                    }

                    options = options with { HostId = hostId };
                    break;
                case "--verbose":
                    options = options with { Verbose = true };
                    break;
                default:
                    error = $"unknown argument '{arg}'";
                    return null;
            }
        }

        return options;
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Storage.Blobs;

namespace Archive.Testing;

/// <summary>
/// Starts Azurite (blob, queue and table services) from the repository's node_modules on free loopback ports with a
/// temporary --location, and stops it with SIGINT at the end: after client traffic Azurite ignores SIGTERM.
/// Share it with <c>[Collection(AzuriteCollection.Name)]</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly StringBuilder output = new();
    private Process? process;

    /// <summary>The temporary folder Azurite keeps its data in.</summary>
    public string Location { get; } = Path.Combine(Path.GetTempPath(), "archive-azurite-" + Guid.NewGuid().ToString("N"));

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>A full connection string for the running Azurite (blob, queue and table endpoints).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>What Azurite printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var script = ScriptPath;
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing). Run 'npm ci' at the repository root (./test.sh does).");
        }

        Directory.CreateDirectory(Location);

        // A port can still be taken between choosing it and Azurite binding it (another test process, a client
        // connection); Azurite then exits with EADDRINUSE. Try again on other ports.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnFreePortsAsync(script).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < attempts && process is { HasExited: true })
            {
                process.Dispose();
                process = null;
                lock (output)
                {
                    output.AppendLine($"-- attempt {attempt} failed, trying other ports");
                }
            }
        }
    }

    /// <summary>
    /// Stops Azurite the way an operator does (SIGINT: it saves its metadata and exits), then starts it again on the
    /// same ports and --location: what was stored before the stop is there after it.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopProcessAsync().ConfigureAwait(false);
        await StartProcessAsync(ScriptPath).ConfigureAwait(false);
    }

    private static string ScriptPath => Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    private async Task StartOnFreePortsAsync(string script)
    {
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
        await StartProcessAsync(script).ConfigureAwait(false);
    }

    private async Task StartProcessAsync(string script)
    {
        // Only what this start prints counts (a restart follows the first start's lines).
        var mark = Output.Length;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            script, "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", Location,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process = started;
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        // Ready means all three services said they listen on their own ports (a connect alone could reach some other
        // process holding the port), and Azurite is still running after that.
        // Generous: on a loaded two-core machine (every test assembly starting its servers at once) node can take
        // well over half a minute to load Azurite.
        var deadline = DateTime.UtcNow + StartTimeout;
        string[] expected =
        [
            $"Blob service is successfully listening at http://127.0.0.1:{BlobPort}",
            $"Queue service is successfully listening at http://127.0.0.1:{QueuePort}",
            $"Table service is successfully listening at http://127.0.0.1:{TablePort}",
        ];
        while (!expected.All(line => Output.IndexOf(line, mark, StringComparison.Ordinal) >= 0))
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {started.ExitCode} while starting:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Azurite did not start within {StartTimeout.TotalSeconds:F0} s:\n{Output}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        await FreePort.WaitUntilListeningAsync(BlobPort, TimeSpan.FromSeconds(10), () => started.HasExited).ConfigureAwait(false);
        await FreePort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(10), () => started.HasExited).ConfigureAwait(false);
        await FreePort.WaitUntilListeningAsync(TablePort, TimeSpan.FromSeconds(10), () => started.HasExited).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        await StopProcessAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task StopProcessAsync()
    {
        if (process is { HasExited: false })
        {
            Interrupt(process.Id);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process?.Dispose();
        process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static void Interrupt(int pid)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = NativeMethods.Kill(pid, NativeMethods.SigInt);
        }
    }

    private static class NativeMethods
    {
        public const int SigInt = 2;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int sig);
    }
}

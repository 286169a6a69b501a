using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Archive.Core.Search;

namespace Archive.Testing;

/// <summary>
/// One running Archive.SearchEmulator process, started from the build output
/// (<c>artifacts/bin/Archive.SearchEmulator/debug/Archive.SearchEmulator.dll</c>) on a loopback port. It is
/// ready when <c>GET /servicestats</c> answers 200 over the pinned certificate.
/// </summary>
public sealed class SearchEmulatorServer : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly Process process;

    private SearchEmulatorServer(Process process, int port, string dataDirectory, string apiKey, string certificatePath)
    {
        this.process = process;
        Port = port;
        DataDirectory = dataDirectory;
        ApiKey = apiKey;
        CertificatePath = certificatePath;
    }

    /// <summary>The path of the emulator assembly in the build output.</summary>
    public static string AssemblyPath =>
        Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Archive.SearchEmulator", "debug", "Archive.SearchEmulator.dll");

    public int Port { get; }

    public Uri Endpoint => new($"https://127.0.0.1:{Port}");

    public string DataDirectory { get; }

    public string ApiKey { get; }

    /// <summary>The PEM of the emulator's certificate (written by <c>--cert-out</c>).</summary>
    public string CertificatePath { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What the emulator printed so far, for failure messages.</summary>
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

    /// <summary>Starts the emulator and waits until it answers; the data folder is kept by the caller.</summary>
    public static async Task<SearchEmulatorServer> StartAsync(
        string dataDirectory, string apiKey, int? port = null, TimeSpan? timeout = null, IReadOnlyList<string>? extraArguments = null)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new InvalidOperationException($"The search emulator is not built ({AssemblyPath} is missing). Build Archive.sln first.");
        }

        // A port chosen here can be taken before the emulator binds it; then it exits, and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataDirectory, apiKey, port ?? FreePort.Next(), timeout, extraArguments).ConfigureAwait(false);
            }
            catch (EmulatorExitedException) when (port is null && attempt < 3)
            {
            }
        }
    }

    private static async Task<SearchEmulatorServer> StartOnceAsync(
        string dataDirectory, string apiKey, int chosenPort, TimeSpan? timeout, IReadOnlyList<string>? extraArguments)
    {
        var certificatePath = Path.Combine(dataDirectory, "cert.pem");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // The emulator stops when this process goes away and its stdin closes, so a crashed test run leaves none behind.
        start.Environment["ARCHIVE_SEARCH_EMULATOR_WATCH_STDIN"] = "1";
        foreach (var arg in new[]
        {
            AssemblyPath, "--port", chosenPort.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDirectory,
            "--api-key", apiKey, "--cert-out", certificatePath,
        })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in extraArguments ?? [])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet for the search emulator.");
        var server = new SearchEmulatorServer(process, chosenPort, dataDirectory, apiKey, certificatePath);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Replaces the emulator's injected faults (<c>POST /admin/faults</c>) and returns its fault state.</summary>
    public Task<SearchEmulatorFaults.State> SetFaultsAsync(SearchEmulatorFaults faults) =>
        SearchEmulatorFaults.PostAsync(Endpoint, ApiKey, CertificatePath, faults);

    /// <summary>Kills the process at once (SIGKILL, like kill -9): nothing is flushed or closed.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!File.Exists(CertificatePath) || !Output.Contains("Now listening on: https://127.0.0.1:", StringComparison.Ordinal))
        {
            if (process.HasExited)
            {
                throw new EmulatorExitedException($"The search emulator exited with code {process.ExitCode}:\n{Output}");
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The search emulator did not start within {timeout}:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        using var pinned = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(CertificatePath).ConfigureAwait(false));
        using var client = new HttpClient(SearchClientOptionsFactory.CreatePinnedHandler(pinned));
        client.DefaultRequestHeaders.Add("api-key", ApiKey);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(Endpoint, "/servicestats")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The search emulator did not answer GET /servicestats:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
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

    /// <summary>The emulator process ended while starting (for example, its port was taken).</summary>
    private sealed class EmulatorExitedException(string message) : InvalidOperationException(message);
}

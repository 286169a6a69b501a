using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archive.Testing;

/// <summary>Runs the built dev host as a separate process, as a developer would, and captures its output.</summary>
public sealed partial class DevHostProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly Process process;

    private DevHostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public int ProcessId => process.Id;

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

    /// <summary>The build output folder of a project under artifacts/bin, in the configuration the tests were built in.</summary>
    public static string BuildOutput(string project)
    {
        var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryPaths.Root, "artifacts", "bin", project, configuration);
    }

    public static string TestWorkerOutput => BuildOutput("Archive.DevHost.TestWorker");

    /// <summary>Starts the dev host with the given arguments; storage settings come in as environment variables.</summary>
    public static DevHostProcess Start(int port, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(BuildOutput("Archive.DevHost"), "Archive.DevHost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the dev host.");
        var host = new DevHostProcess(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Polls <c>/admin/host/status</c> until the worker is running; fails early when the dev host exits.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The dev host exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("admin/host/status", UriKind.Relative)).ConfigureAwait(false));
                if (doc.RootElement.GetProperty("state").GetString() == "Running")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException($"The dev host was not running within {timeout}:\n{Output}");
    }

    /// <summary>The worker's process id, from the dev host's start-up line.</summary>
    public int WorkerProcessId
    {
        get
        {
            var match = WorkerLine().Match(Output);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("No worker start line:\n" + Output);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>Sends SIGTERM (what a terminal's stop or a service manager sends) and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!process.HasExited)
        {
            _ = NativeMethods.Kill(process.Id, NativeMethods.SigTerm);
        }

        return await WaitForExitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>Ends the dev host abruptly (SIGKILL), leaving its worker behind.</summary>
    public void KillAbruptly() => process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            try
            {
                await TerminateAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
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

    [GeneratedRegex(@"Starting worker .* \(process (\d+),")]
    private static partial Regex WorkerLine();

    private static class NativeMethods
    {
        public const int SigTerm = 15;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int sig);
    }
}

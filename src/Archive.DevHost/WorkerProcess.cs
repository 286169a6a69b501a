using System.Diagnostics;
using System.Globalization;

namespace Archive.DevHost;

/// <summary>Starts the isolated worker with the switches and environment the Functions host passes, and ends it.</summary>
public sealed class WorkerProcess : IDisposable
{
    private const string MaxMessageLength = "2147483647";
    private readonly Process process;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger logger;

    private WorkerProcess(Process process, ILogger logger)
    {
        this.process = process;
        this.logger = logger;
    }

    public int Id => process.Id;

    /// <summary>Completes with the exit code when the worker process ends.</summary>
    public Task<int> Exited => exited.Task;

    /// <summary>The start information for a worker talking to <paramref name="grpcUri"/>.</summary>
    public static ProcessStartInfo CreateStartInfo(WorkerApp app, AppSettings settings, Uri grpcUri, string workerId, string requestId)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(grpcUri);
        var start = new ProcessStartInfo(app.Executable)
        {
            WorkingDirectory = app.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (!string.Equals(app.Executable, app.WorkerPath, StringComparison.Ordinal))
        {
            start.ArgumentList.Add(app.WorkerPath);
        }

        var port = grpcUri.Port.ToString(CultureInfo.InvariantCulture);
        foreach (var arg in new[]
        {
            "--host", grpcUri.Host, "--port", port, "--workerId", workerId, "--requestId", requestId,
            "--grpcMaxMessageLength", MaxMessageLength,
            "--functions-uri", grpcUri.ToString(), "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", MaxMessageLength,
        })
        {
            start.ArgumentList.Add(arg);
        }

        // The process inherits the dev host's environment; local.settings.json fills in what is not already set.
        foreach (var (key, value) in settings.LocalValues)
        {
            if (Environment.GetEnvironmentVariable(key) is null)
            {
                start.Environment[key] = value;
            }
        }

        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Directory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Directory;
        return start;
    }

    public static WorkerProcess Start(ProcessStartInfo start, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, logger);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Log.WorkerStdout(logger, e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Log.WorkerStderr(logger, e.Data);
            }
        };
        process.Exited += (_, _) => worker.exited.TrySetResult(SafeExitCode(process));
        if (!process.Start())
        {
            throw new DevHostStartupException($"Could not start the worker ({start.FileName}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits for the worker to exit after WorkerTerminate; kills it when it does not within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (exited.Task.IsCompleted)
        {
            return;
        }

        try
        {
            await exited.Task.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.WorkerKilled(logger, process.Id, grace.TotalSeconds);
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            await exited.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }

    public void Dispose() => process.Dispose();

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}

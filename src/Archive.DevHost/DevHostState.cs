namespace Archive.DevHost;

/// <summary>What the endpoints need once the worker is ready; requests that arrive earlier wait for it.</summary>
public sealed class DevHostState
{
    private readonly TaskCompletionSource<RunningWorker?> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starting, Running, Stopping or Error.</summary>
    public string Status { get; private set; } = "Starting";

    public void SetRunning(RunningWorker worker)
    {
        Status = "Running";
        ready.TrySetResult(worker);
    }

    public void SetFailed()
    {
        Status = "Error";
        ready.TrySetResult(null);
    }

    public void SetStopping() => Status = "Stopping";

    /// <summary>The running worker, or null when start-up failed or did not finish within the timeout.</summary>
    public async Task<RunningWorker?> WhenReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ready.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}

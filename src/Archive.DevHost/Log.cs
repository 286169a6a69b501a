
namespace Archive.DevHost;

/// <summary>The dev host's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "WorkerLog", Message = "{Category}: {Message}")]
    public static partial void WorkerLog(ILogger logger, LogLevel level, string category, string message);

    [LoggerMessage(EventId = 2, EventName = "WorkerStdout", Level = LogLevel.Information, Message = "{Line}")]
    public static partial void WorkerStdout(ILogger logger, string line);

    [LoggerMessage(EventId = 3, EventName = "WorkerStderr", Level = LogLevel.Warning, Message = "{Line}")]
    public static partial void WorkerStderr(ILogger logger, string line);

    [LoggerMessage(EventId = 4, EventName = "WorkerStreamClosed", Level = LogLevel.Debug, Message = "The worker's gRPC stream closed: {Reason}")]
    public static partial void WorkerStreamClosed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5, EventName = "StaleWorkerKilled", Level = LogLevel.Warning, Message = "Ending worker process {Pid} left behind by an earlier dev host run (PID file {PidFile})")]
    public static partial void StaleWorkerKilled(ILogger logger, int pid, string pidFile);

    [LoggerMessage(EventId = 6, EventName = "WorkerKilled", Level = LogLevel.Warning, Message = "Worker process {Pid} did not exit within {Seconds} s; killing it")]
    public static partial void WorkerKilled(ILogger logger, int pid, double seconds);

    [LoggerMessage(EventId = 7, EventName = "WorkerStarting", Level = LogLevel.Information, Message = "Starting worker {WorkerPath} (process {Pid}, host endpoint {GrpcUri})")]
    public static partial void WorkerStarting(ILogger logger, string workerPath, int pid, Uri grpcUri);

    [LoggerMessage(EventId = 8, EventName = "WorkerReady", Level = LogLevel.Information, Message = "Worker ready: {Count} functions loaded in {ElapsedMs:0} ms")]
    public static partial void WorkerReady(ILogger logger, int count, double elapsedMs);

    [LoggerMessage(EventId = 9, EventName = "FunctionListed", Level = LogLevel.Information, Message = "  {FunctionName}: {Description}")]
    public static partial void FunctionListed(ILogger logger, string functionName, string description);

    [LoggerMessage(EventId = 10, EventName = "StartupFailed", Level = LogLevel.Critical, Message = "The dev host could not start: {Reason}")]
    public static partial void StartupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 11, EventName = "WorkerExited", Level = LogLevel.Error, Message = "The worker process exited unexpectedly with code {ExitCode}")]
    public static partial void WorkerExited(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 12, EventName = "Stopping", Level = LogLevel.Information, Message = "Stopping: listeners, then the worker (WorkerTerminate)")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 13, EventName = "Stopped", Level = LogLevel.Information, Message = "Stopped; the worker exited with code {ExitCode}")]
    public static partial void Stopped(ILogger logger, int exitCode);

    [LoggerMessage(EventId = 14, EventName = "Listening", Level = LogLevel.Information, Message = "Dev host ready on {Url} (Ctrl+C to stop)")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 20, EventName = "Executing", Message = "Executing '{FunctionName}' ({Reason}, Id={InvocationId})")]
    public static partial void Executing(ILogger logger, LogLevel level, string functionName, string reason, string invocationId);

    [LoggerMessage(EventId = 21, EventName = "Succeeded", Message = "Executed '{FunctionName}' (Succeeded, Id={InvocationId}, Duration={ElapsedMs:0}ms)")]
    public static partial void Succeeded(ILogger logger, LogLevel level, string functionName, string invocationId, double elapsedMs);

    [LoggerMessage(EventId = 22, EventName = "Failed", Level = LogLevel.Error, Message = "Executed '{FunctionName}' (Failed, Id={InvocationId}, Duration={ElapsedMs:0}ms): {Error}")]
    public static partial void Failed(ILogger logger, string functionName, string invocationId, double elapsedMs, string error);

    [LoggerMessage(EventId = 23, EventName = "ForwardFailed", Level = LogLevel.Error, Message = "Forwarding the request for '{FunctionName}' to the worker failed: {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string functionName, string reason);

    [LoggerMessage(EventId = 30, EventName = "EventGridValidation", Level = LogLevel.Information, Message = "Answered the Event Grid subscription validation for '{FunctionName}'")]
    public static partial void EventGridValidation(ILogger logger, string functionName);

    [LoggerMessage(EventId = 31, EventName = "EventGridIgnored", Level = LogLevel.Information, Message = "Ignored Event Grid event {EventType} for '{FunctionName}'")]
    public static partial void EventGridIgnored(ILogger logger, string eventType, string functionName);

    [LoggerMessage(EventId = 40, EventName = "TimerScheduled", Level = LogLevel.Debug, Message = "Timer '{FunctionName}' next fires at {Next:O}")]
    public static partial void TimerScheduled(ILogger logger, string functionName, DateTimeOffset next);
}

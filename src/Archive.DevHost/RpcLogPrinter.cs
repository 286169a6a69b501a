using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// Prints the worker's RpcLog messages (all of the worker's ILogger output travels over gRPC). Lines inside an
/// invocation go to category <c>Function.&lt;Name&gt;</c>, the rest to <c>Worker</c>. Framework and system noise below
/// Warning is dropped unless verbose.
/// </summary>
public sealed class RpcLogPrinter(ILoggerFactory loggerFactory, bool verbose)
{
    private readonly ILogger workerLogger = loggerFactory.CreateLogger("Worker");

    internal void Print(RpcLog log, string? functionName)
    {
        ArgumentNullException.ThrowIfNull(log);
        var level = ToLogLevel(log.Level);
        if (!verbose && IsNoise(log, level))
        {
            return;
        }

        var logger = functionName is null ? workerLogger : loggerFactory.CreateLogger("Function." + functionName);
        // RpcLog.exception.message already holds the whole exception text (type, message, stack).
        var exception = log.Exception is { } e
            ? (string.IsNullOrEmpty(e.Message) ? e.StackTrace : e.Message) is { Length: > 0 } text ? Environment.NewLine + text : string.Empty
            : string.Empty;
        Log.WorkerLog(logger, level, log.Category, log.Message + exception);
    }

    internal static bool IsNoise(RpcLog log, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (level >= LogLevel.Warning)
        {
            return false;
        }

        if (level < LogLevel.Information || log.LogCategory != RpcLog.Types.RpcLogCategory.User)
        {
            return true;
        }

        return log.Category.StartsWith("Microsoft.", StringComparison.Ordinal) ||
               log.Category.StartsWith("System.", StringComparison.Ordinal) ||
               log.Category.StartsWith("Azure.", StringComparison.Ordinal);
    }

    private static LogLevel ToLogLevel(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };
}


namespace Archive.DevHost;

/// <summary>Runs timer-triggered functions on their schedules (and once at start-up when runOnStartup is set).</summary>
public sealed class TimerScheduler(FunctionInvoker invoker, TimeProvider time, ILogger<TimerScheduler> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> loops = [];
    private int disposed;

    /// <summary>Parses every timer schedule (throws <see cref="DevHostStartupException"/> for a bad one) and starts the loops.</summary>
    public void Start(IEnumerable<FunctionDefinition> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions)
        {
            if (function.Trigger is not { } trigger || !string.Equals(trigger.Type, "timerTrigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            TimerSchedule schedule;
            var expression = invoker.ResolveSettings(trigger.GetString("schedule") ?? string.Empty);
            try
            {
                schedule = TimerSchedule.Parse(expression);
            }
            catch (FormatException ex)
            {
                throw new DevHostStartupException($"Function '{function.Name}': {ex.Message}", ex);
            }

            loops.Add(RunAsync(function, schedule, trigger.GetBool("runOnStartup"), stop.Token));
        }
    }

    /// <summary>Invokes a timer function now (the admin endpoint); returns the worker's response.</summary>
    internal Task<Microsoft.Azure.Functions.Worker.Grpc.Messages.InvocationResponse> InvokeAsync(FunctionDefinition function, DateTimeOffset? last, DateTimeOffset? next, string reason, CancellationToken cancellationToken)
    {
        var request = Invocations.Create(function);
        Invocations.AddTimer(request, function.Trigger!, last, next, isPastDue: false);
        return invoker.InvokeAsync(function, request, reason, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        stop.Dispose();
    }

    private async Task RunAsync(FunctionDefinition function, TimerSchedule schedule, bool runOnStartup, CancellationToken cancellationToken)
    {
        DateTimeOffset? last = null;
        var next = schedule.Next(time.GetUtcNow());
        if (runOnStartup)
        {
            await InvokeAsync(function, last, next, "Timer fired at start-up (runOnStartup)", cancellationToken).ConfigureAwait(false);
            last = time.GetUtcNow();
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            Log.TimerScheduled(logger, function.Name, next);
            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }

            var following = schedule.Next(next);
            await InvokeAsync(function, last, following, $"Timer fired at {next:O}", cancellationToken).ConfigureAwait(false);
            last = next;
            next = following;
        }
    }
}

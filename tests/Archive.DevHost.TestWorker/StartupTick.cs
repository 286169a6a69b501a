using Microsoft.Azure.Functions.Worker;

namespace Archive.DevHost.TestWorker;

/// <summary>A yearly timer with RunOnStartup: writes markers/timer-startup/{ticks} each time a host starts.</summary>
public sealed class StartupTick(Markers markers)
{
    [Function(nameof(StartupTick))]
    public Task RunAsync([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return markers.WriteAsync($"timer-startup/{DateTimeOffset.UtcNow.UtcTicks}", "started", cancellationToken);
    }
}

using Microsoft.Azure.Functions.Worker;

namespace Archive.DevHost.TestWorker;

/// <summary>A yearly timer (so it only runs when asked through the admin endpoint): writes markers/timer/{ticks}.</summary>
public sealed class Tick(Markers markers)
{
    [Function(nameof(Tick))]
    public Task RunAsync([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return markers.WriteAsync($"timer/{DateTimeOffset.UtcNow.UtcTicks}", timer.IsPastDue.ToString(), cancellationToken);
    }
}

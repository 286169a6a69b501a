using Microsoft.Azure.Functions.Worker;

namespace Archive.DevHost.TestWorker;

/// <summary>Queue trigger on "work-items": writes markers/queue/{message}; a message "FAIL" throws (poison queue test).</summary>
public sealed class WorkQueue(Markers markers)
{
    [Function(nameof(WorkQueue))]
    public async Task RunAsync(
        [QueueTrigger("work-items", Connection = "TestStorage")] string message,
        long dequeueCount,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.StartsWith("FAIL", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Refusing message {message}");
        }

        await markers.WriteAsync($"queue/{message}", dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }
}

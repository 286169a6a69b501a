using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;

namespace Archive.DevHost.WebJobs;

/// <summary>
/// Base class of the generated <c>Host.Functions</c> type: each generated method is one worker function as the WebJobs
/// SDK sees it (so its id is <c>Host.Functions.&lt;Name&gt;</c>, as in the real host) and calls back into this class.
/// </summary>
public abstract class FunctionStubs
{
    internal StubDispatcher? Dispatcher { get; set; }

    /// <summary>Called by a generated blob-trigger method.</summary>
    protected Task InvokeBlobAsync(string functionName, ParameterBindingData blob, string blobTrigger, Uri uri, CancellationToken cancellationToken) =>
        (Dispatcher ?? throw new InvalidOperationException("The stub has no dispatcher.")).InvokeBlobAsync(functionName, blob, blobTrigger, uri, cancellationToken);

    /// <summary>Called by a generated queue-trigger method.</summary>
    protected Task InvokeQueueAsync(string functionName, QueueMessage message, CancellationToken cancellationToken) =>
        (Dispatcher ?? throw new InvalidOperationException("The stub has no dispatcher.")).InvokeQueueAsync(functionName, message, cancellationToken);
}

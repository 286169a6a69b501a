using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Archive.DevHost.TestWorker;

/// <summary>Queue trigger bound to the SDK type QueueMessage (deferred binding): writes markers/queue-message/{text} = "{id}|{dequeue count}".</summary>
public sealed class WorkMessage(Markers markers)
{
    [Function(nameof(WorkMessage))]
    public Task RunAsync(
        [QueueTrigger("work-messages", Connection = "TestStorage")] QueueMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return markers.WriteAsync($"queue-message/{message.MessageText}", $"{message.MessageId}|{message.DequeueCount}", cancellationToken);
    }
}

using Azure.Storage.Queues.Models;
using Google.Protobuf;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Azure.WebJobs;

namespace Archive.DevHost.WebJobs;

/// <summary>
/// Turns a WebJobs trigger into a worker invocation and throws when the worker reports a failure, so that the SDK's
/// receipts, retries and poison queues behave as in the real host.
/// </summary>
public sealed class StubDispatcher(IReadOnlyDictionary<string, FunctionDefinition> functions, FunctionInvoker invoker)
{
    internal async Task InvokeBlobAsync(string functionName, ParameterBindingData blob, string blobTrigger, Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(blobTrigger);
        var function = functions[functionName];
        var slash = blobTrigger.IndexOf('/', StringComparison.Ordinal);
        var data = new ModelBindingData
        {
            Version = blob.Version ?? "1.0",
            Source = blob.Source ?? string.Empty,
            ContentType = blob.ContentType ?? string.Empty,
            Content = ByteString.CopyFrom(blob.Content?.ToArray() ?? []),
        };
        var request = Invocations.Create(function);
        Invocations.AddBlob(request, function.Trigger!, invoker.ResolveSettings(function.Trigger!.GetString("path") ?? string.Empty), data, blobTrigger[..slash], blobTrigger[(slash + 1)..], uri);
        await ThrowOnFailureAsync(function, request, $"New blob detected: {blobTrigger}", cancellationToken).ConfigureAwait(false);
    }

    internal async Task InvokeQueueAsync(string functionName, QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var function = functions[functionName];
        var info = new QueueMessageInfo(message.MessageId, message.Body?.ToString() ?? string.Empty, message.DequeueCount, message.PopReceipt,
            message.InsertedOn, message.ExpiresOn, message.NextVisibleOn);
        var request = Invocations.Create(function);
        Invocations.AddQueue(request, function.Trigger!, info);
        await ThrowOnFailureAsync(function, request, $"New queue message detected on '{function.Trigger!.GetString("queueName")}' (dequeue count {message.DequeueCount})", cancellationToken).ConfigureAwait(false);
    }

    private async Task ThrowOnFailureAsync(FunctionDefinition function, InvocationRequest request, string reason, CancellationToken cancellationToken)
    {
        var response = await invoker.InvokeAsync(function, request, reason, cancellationToken, quiet: true).ConfigureAwait(false);
        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"Function '{function.Name}' failed in the worker: {FunctionInvoker.Describe(response)}");
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using GrpcRpcException = Grpc.Core.RpcException;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// The host side of the FunctionRpc event stream: one stream per worker, a single writer loop over a channel
/// (gRPC stream writers do not allow concurrent writes), replies matched by request id or invocation id.
/// </summary>
public sealed class WorkerChannel
{
    private readonly Channel<StreamingMessage> outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pendingRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingInvocation> pendingInvocations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource streamEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RpcLogPrinter logPrinter;
    private readonly ILogger logger;
    private int streamCount;

    public WorkerChannel(RpcLogPrinter logPrinter, ILogger<WorkerChannel> logger)
    {
        this.logPrinter = logPrinter;
        this.logger = logger;
    }

    /// <summary>Completes with the worker id when the worker has opened the stream.</summary>
    public Task<string> Started => started.Task;

    /// <summary>Completes when the worker's stream has ended.</summary>
    public Task StreamEnded => streamEnded.Task;

    /// <summary>Serves the worker's EventStream call until it ends.</summary>
    internal async Task RunStreamAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref streamCount) != 1)
        {
            throw new GrpcRpcException(new Status(StatusCode.AlreadyExists, "The dev host serves one worker stream at a time."));
        }

        using var writerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteLoopAsync(responses, writerStop.Token);
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(requests.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or GrpcRpcException or InvalidOperationException)
        {
            Log.WorkerStreamClosed(logger, ex.Message);
        }
        finally
        {
            await writerStop.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The writer stops with the stream.
            }

            FailAllPending("The worker's gRPC stream ended.");
            streamEnded.TrySetResult();
        }
    }

    /// <summary>Sends a request and waits for the worker's reply with the same request id.</summary>
    internal async Task<StreamingMessage> RequestAsync(StreamingMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        message.RequestId = Guid.NewGuid().ToString();
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingRequests[message.RequestId] = reply;
        try
        {
            Send(message);
            return await reply.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The worker did not answer {message.ContentCase} within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            pendingRequests.TryRemove(message.RequestId, out _);
        }
    }

    /// <summary>Sends an invocation and waits for its response (matched by invocation id).</summary>
    internal async Task<InvocationResponse> InvokeAsync(string functionName, InvocationRequest request, CancellationToken cancellationToken)
    {
        var pending = new PendingInvocation(functionName);
        pendingInvocations[request.InvocationId] = pending;
        try
        {
            Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request });
            using var registration = cancellationToken.Register(() => Send(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId },
            }));
            return await pending.Response.Task.ConfigureAwait(false);
        }
        finally
        {
            pendingInvocations.TryRemove(request.InvocationId, out _);
        }
    }

    /// <summary>Queues a message for the writer loop.</summary>
    internal void Send(StreamingMessage message)
    {
        if (!outbound.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The worker channel is closed.");
        }
    }

    /// <summary>The function an invocation belongs to, for log lines; null once it has finished.</summary>
    internal string? FunctionNameOf(string invocationId) =>
        pendingInvocations.TryGetValue(invocationId, out var pending) ? pending.FunctionName : null;

    private async Task WriteLoopAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        await foreach (var message in outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                started.TrySetResult(message.StartStream.WorkerId);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                var log = message.RpcLog;
                logPrinter.Print(log, string.IsNullOrEmpty(log.InvocationId) ? null : FunctionNameOf(log.InvocationId));
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (pendingInvocations.TryGetValue(message.InvocationResponse.InvocationId, out var pending))
                {
                    pending.Response.TrySetResult(message.InvocationResponse);
                }

                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusRequest:
                Send(new StreamingMessage { RequestId = message.RequestId, WorkerStatusResponse = new WorkerStatusResponse() });
                break;
            default:
                if (!string.IsNullOrEmpty(message.RequestId) && pendingRequests.TryGetValue(message.RequestId, out var reply))
                {
                    reply.TrySetResult(message);
                }

                break;
        }
    }

    private void FailAllPending(string reason)
    {
        started.TrySetException(new InvalidOperationException(reason));
        foreach (var (_, reply) in pendingRequests)
        {
            reply.TrySetException(new InvalidOperationException(reason));
        }

        foreach (var (_, invocation) in pendingInvocations)
        {
            invocation.Response.TrySetException(new InvalidOperationException(reason));
        }

        outbound.Writer.TryComplete();
    }

    private sealed class PendingInvocation(string functionName)
    {
        public string FunctionName { get; } = functionName;

        public TaskCompletionSource<InvocationResponse> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

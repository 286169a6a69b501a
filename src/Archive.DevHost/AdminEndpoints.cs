using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// Core Tools' admin endpoints: <c>GET /admin/host/status</c>, and <c>POST /admin/functions/&lt;Name&gt;</c> with
/// <c>{"input": "..."}</c> to run a non-HTTP function now (timer: input ignored; queue: the message text; blob: the
/// <c>container/blob</c> path). Answers 202 when the invocation succeeded, 500 with the error otherwise.
/// </summary>
public sealed class AdminEndpoints(DevHostState state, FunctionInvoker invoker, TimerScheduler timers)
{
    public async Task<IResult> StatusAsync(CancellationToken cancellationToken)
    {
        var running = state.Status == "Running" ? await state.WhenReadyAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false) : null;
        return Results.Ok(new
        {
            state = state.Status,
            functions = running?.Functions.Select(f => new { name = f.Name, trigger = f.Trigger?.Type }).ToArray() ?? [],
        });
    }

    public async Task<IResult> RunFunctionAsync(string name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var running = await state.WhenReadyAsync(TimeSpan.FromSeconds(60), context.RequestAborted).ConfigureAwait(false);
        if (running is null)
        {
            return Results.Problem("The worker is not running.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (running.Find(name) is not { Trigger: { } trigger } function)
        {
            return Results.NotFound(new { error = $"No function named '{name}'." });
        }

        var input = await ReadInputAsync(context).ConfigureAwait(false);
        InvocationResponse response;
        var reason = "Manually triggered through /admin/functions";
        switch (trigger.Type.ToUpperInvariant())
        {
            case "TIMERTRIGGER":
                response = await timers.InvokeAsync(function, null, null, reason, context.RequestAborted).ConfigureAwait(false);
                break;
            case "QUEUETRIGGER":
                var queueRequest = Invocations.Create(function);
                Invocations.AddQueue(queueRequest, trigger, new QueueMessageInfo(Guid.NewGuid().ToString(), input ?? string.Empty, 1, InsertedOn: DateTimeOffset.UtcNow));
                response = await invoker.InvokeAsync(function, queueRequest, reason, context.RequestAborted).ConfigureAwait(false);
                break;
            case "BLOBTRIGGER":
                var slash = input?.IndexOf('/', StringComparison.Ordinal) ?? -1;
                if (input is null || slash <= 0)
                {
                    return Results.BadRequest(new { error = "For a blob trigger, input must be the blob path 'container/name'." });
                }

                var connection = trigger.GetString("connection") is { Length: > 0 } c ? c : "AzureWebJobsStorage";
                var blobRequest = Invocations.Create(function);
                Invocations.AddBlob(blobRequest, trigger, invoker.ResolveSettings(trigger.GetString("path") ?? string.Empty), Invocations.BlobBindingData(connection, input[..slash], input[(slash + 1)..]), input[..slash], input[(slash + 1)..], null);
                response = await invoker.InvokeAsync(function, blobRequest, reason, context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                return Results.BadRequest(new { error = $"'{function.Name}' is triggered by {trigger.Type}; call its route instead." });
        }

        return response.Result?.Status == StatusResult.Types.Status.Success
            ? Results.Accepted()
            : Results.Problem(FunctionInvoker.Describe(response), statusCode: StatusCodes.Status500InternalServerError);
    }

    private static async Task<string?> ReadInputAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0)
        {
            return null;
        }

        try
        {
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("input", out var input)
                ? input.ValueKind == JsonValueKind.String ? input.GetString() : input.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.&lt;Name&gt;</c>: the endpoint an Event Grid subscription
/// targets for Event Grid-source blob triggers. Answers the subscription-validation handshake and invokes the function
/// for each BlobCreated event (Event Grid or CloudEvents schema). Here the invocation is direct and awaited: 200 with the
/// invocation ids when every event succeeded, 500 otherwise.
/// </summary>
public sealed class EventGridWebhook(DevHostState state, FunctionInvoker invoker, ILogger<EventGridWebhook> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var running = await state.WhenReadyAsync(TimeSpan.FromSeconds(60), context.RequestAborted).ConfigureAwait(false);
        if (running is null)
        {
            return Results.Problem("The worker is not running.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var functionName = context.Request.Query["functionName"].ToString();
        const string prefix = "Host.Functions.";
        var name = functionName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? functionName[prefix.Length..] : functionName;
        var function = running.Find(name);
        if (function?.Trigger is not { } trigger || !string.Equals(trigger.Type, "blobTrigger", StringComparison.OrdinalIgnoreCase))
        {
            return Results.NotFound(new { error = $"No blob-triggered function named '{functionName}'." });
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Results.BadRequest(new { error = "The body is not JSON: " + ex.Message });
        }

        using (body)
        {
            var events = body.RootElement.ValueKind == JsonValueKind.Array ? [.. body.RootElement.EnumerateArray()] : new[] { body.RootElement };
            var failures = new List<string>();
            var invocations = new List<string>();
            foreach (var e in events)
            {
                var type = Text(e, "eventType") ?? Text(e, "type") ?? string.Empty;
                e.TryGetProperty("data", out var data);
                if (type.EndsWith("SubscriptionValidationEvent", StringComparison.OrdinalIgnoreCase))
                {
                    var code = Text(data, "validationCode") ?? string.Empty;
                    Log.EventGridValidation(logger, function.Name);
                    return Results.Ok(new { validationResponse = code });
                }

                if (!string.Equals(type, "Microsoft.Storage.BlobCreated", StringComparison.OrdinalIgnoreCase))
                {
                    Log.EventGridIgnored(logger, type, function.Name);
                    continue;
                }

                if (Text(data, "url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    failures.Add("A BlobCreated event has no data.url.");
                    continue;
                }

                var blob = new BlobUriBuilder(uri);
                var path = invoker.ResolveSettings(trigger.GetString("path") ?? string.Empty);
                if (!PathTemplate.TryMatch(path, blob.BlobContainerName + "/" + blob.BlobName, out _))
                {
                    Log.EventGridIgnored(logger, $"{type} for {blob.BlobContainerName}/{blob.BlobName} (outside '{path}')", function.Name);
                    continue;
                }

                var connection = trigger.GetString("connection") is { Length: > 0 } c ? c : "AzureWebJobsStorage";
                var request = Invocations.Create(function);
                Invocations.AddBlob(request, trigger, path, Invocations.BlobBindingData(connection, blob.BlobContainerName, blob.BlobName), blob.BlobContainerName, blob.BlobName, uri);
                var response = await invoker.InvokeAsync(function, request, $"EventGrid BlobCreated {blob.BlobContainerName}/{blob.BlobName}", context.RequestAborted).ConfigureAwait(false);
                invocations.Add(request.InvocationId);
                if (response.Result?.Status != StatusResult.Types.Status.Success)
                {
                    failures.Add($"{blob.BlobContainerName}/{blob.BlobName}: {FunctionInvoker.Describe(response)}");
                }
            }

            return failures.Count == 0
                ? Results.Ok(new { invoked = invocations.Count, invocations })
                : Results.Problem(string.Join(Environment.NewLine, failures), statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

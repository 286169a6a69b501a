using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// Sends invocations to the worker, logs their outcome as soon as it is known, and writes the queue and blob output
/// bindings the worker returns.
/// </summary>
public sealed partial class FunctionInvoker(WorkerChannel channel, AppSettings settings, WorkerApp app, ILogger<FunctionInvoker> logger)
{
    /// <summary>
    /// Invokes the function and returns the worker's response (Failure included; never throws for it). Failures are
    /// logged at once; start and success are logged at Information unless <paramref name="quiet"/> (the WebJobs
    /// listener logs those itself).
    /// </summary>
    internal async Task<InvocationResponse> InvokeAsync(FunctionDefinition function, InvocationRequest request, string reason, CancellationToken cancellationToken, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(request);
        var level = quiet ? LogLevel.Debug : LogLevel.Information;
        Log.Executing(logger, level, function.Name, reason, request.InvocationId);
        var stopwatch = Stopwatch.StartNew();
        InvocationResponse response;
        try
        {
            response = await channel.InvokeAsync(function.Name, request, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            response = new InvocationResponse
            {
                InvocationId = request.InvocationId,
                Result = new StatusResult { Status = StatusResult.Types.Status.Failure, Exception = new RpcException { Message = ex.Message } },
            };
        }

        if (response.Result?.Status == StatusResult.Types.Status.Success)
        {
            try
            {
                await WriteOutputsAsync(function, request, response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or FormatException)
            {
                response.Result = new StatusResult
                {
                    Status = StatusResult.Types.Status.Failure,
                    Exception = new RpcException { Type = ex.GetType().FullName, Message = "Writing an output binding failed: " + ex.Message },
                };
            }
        }

        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        if (response.Result?.Status == StatusResult.Types.Status.Success)
        {
            Log.Succeeded(logger, level, function.Name, request.InvocationId, elapsed);
        }
        else
        {
            Log.Failed(logger, function.Name, request.InvocationId, elapsed, Describe(response));
        }

        return response;
    }

    /// <summary>The exception text of a failed response, for logs and thrown exceptions.</summary>
    internal static string Describe(InvocationResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var e = response.Result?.Exception;
        if (e is null)
        {
            return response.Result?.Status.ToString() ?? "no result";
        }

        return string.IsNullOrEmpty(e.Type) ? e.Message : $"{e.Type}: {e.Message}";
    }

    private async Task WriteOutputsAsync(FunctionDefinition function, InvocationRequest request, InvocationResponse response, CancellationToken cancellationToken)
    {
        foreach (var output in response.OutputData)
        {
            var binding = function.Bindings.FirstOrDefault(b => string.Equals(b.Name, output.Name, StringComparison.Ordinal) &&
                                                                 string.Equals(b.Direction, "Out", StringComparison.OrdinalIgnoreCase));
            if (binding is null || output.Data is null || output.Data.DataCase == TypedData.DataOneofCase.None)
            {
                continue;
            }

            var values = request.TriggerMetadata
                .Where(kv => kv.Value.DataCase == TypedData.DataOneofCase.String)
                .ToDictionary(kv => kv.Key, kv => kv.Value.String, StringComparer.OrdinalIgnoreCase);
            var connection = ConnectionString(binding.GetString("connection"));
            if (string.Equals(binding.Type, "queue", StringComparison.OrdinalIgnoreCase))
            {
                var queue = new QueueClient(connection, PathTemplate.Resolve(ResolveSettings(binding.GetString("queueName") ?? string.Empty), values).ToLowerInvariant());
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var message in Messages(output.Data))
                {
                    // host.json extensions.queues.messageEncoding: base64 (the default) or none.
                    var text = app.HostJson.QueuesPlainMessages ? System.Text.Encoding.UTF8.GetString(message) : Convert.ToBase64String(message);
                    await queue.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (string.Equals(binding.Type, "blob", StringComparison.OrdinalIgnoreCase))
            {
                var path = PathTemplate.Resolve(ResolveSettings(binding.GetString("blobPath") ?? binding.GetString("path") ?? string.Empty), values);
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0)
                {
                    throw new FormatException($"The blob output path '{path}' of '{function.Name}' has no container.");
                }

                var container = new BlobContainerClient(connection, path[..slash]);
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                var content = Messages(output.Data).FirstOrDefault() ?? [];
                await container.GetBlobClient(path[(slash + 1)..]).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static IEnumerable<byte[]> Messages(TypedData data) => data.DataCase switch
    {
        TypedData.DataOneofCase.String => [System.Text.Encoding.UTF8.GetBytes(data.String)],
        TypedData.DataOneofCase.Json => JsonItems(data.Json),
        TypedData.DataOneofCase.Bytes => [data.Bytes.ToByteArray()],
        TypedData.DataOneofCase.Stream => [data.Stream.ToByteArray()],
        _ => [],
    };

    private static IEnumerable<byte[]> JsonItems(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            return [System.Text.Encoding.UTF8.GetBytes(doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.String ? doc.RootElement.GetString()! : json)];
        }

        return [.. doc.RootElement.EnumerateArray().Select(e => System.Text.Encoding.UTF8.GetBytes(e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString()! : e.GetRawText()))];
    }

    /// <summary>The connection string for a binding's connection name (default AzureWebJobsStorage).</summary>
    internal string ConnectionString(string? connectionName)
    {
        var name = string.IsNullOrEmpty(connectionName) ? "AzureWebJobsStorage" : connectionName;
        var value = Setting(name) ?? Setting("AzureWebJobs" + name);
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The connection setting '{name}' is not defined (local.settings.json Values or the environment).");
        }

        return value == "UseDevelopmentStorage=true"
            ? "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;"
            : value;
    }

    /// <summary>Replaces <c>%Name%</c> with app settings, as the Functions runtime does in binding expressions.</summary>
    internal string ResolveSettings(string value) =>
        PercentSetting().Replace(value, m => Setting(m.Groups[1].Value) ?? m.Value);

    private string? Setting(string name)
    {
        // Binding expressions use ":" between sections (%Archive:ArticlesContainer%); settings and variables use "__".
        foreach (var key in new[] { name, name.Replace(":", "__", StringComparison.Ordinal) })
        {
            if ((Environment.GetEnvironmentVariable(key) ?? (settings.Values.TryGetValue(key, out var v) ? v : null)) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex PercentSetting();
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>Builds InvocationRequests the way the Functions host shapes them for each trigger type.</summary>
public static class Invocations
{
    /// <summary>A request with a fresh invocation id and the (required, non-null) trace context.</summary>
    internal static InvocationRequest Create(FunctionDefinition function, string? invocationId = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext
            {
                TraceParent = $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00",
            },
        };
    }

    /// <summary>The HTTP trigger input: an empty RpcHttp (the request itself is proxied), route values and query in metadata.</summary>
    internal static void AddHttp(InvocationRequest request, BindingDescription trigger, string method, Uri url, IEnumerable<KeyValuePair<string, string?>> routeValues, IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trigger);
        request.InputData.Add(new ParameterBinding
        {
            Name = trigger.Name,
            Data = new TypedData { Http = new RpcHttp { Method = method, Url = url.ToString() } },
        });
        var queryObject = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            queryObject[key] = value;
        }

        request.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(queryObject) };
        foreach (var (key, value) in routeValues)
        {
            if (value is not null)
            {
                request.TriggerMetadata[key] = new TypedData { String = value };
            }
        }
    }

    /// <summary>
    /// The blob trigger input as deferred-binding ModelBindingData, plus BlobTrigger, Uri and the path parameters
    /// (matched against <paramref name="pathTemplate"/>, the trigger's path with <c>%Setting%</c> references resolved).
    /// </summary>
    internal static void AddBlob(InvocationRequest request, BindingDescription trigger, string pathTemplate, ModelBindingData data, string containerName, string blobName, Uri? uri)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trigger);
        request.InputData.Add(new ParameterBinding { Name = trigger.Name, Data = new TypedData { ModelBindingData = data } });
        var blobPath = containerName + "/" + blobName;
        request.TriggerMetadata["BlobTrigger"] = new TypedData { String = blobPath };
        if (uri is not null)
        {
            request.TriggerMetadata["Uri"] = new TypedData { Json = JsonSerializer.Serialize(uri.ToString()) };
        }

        foreach (var (key, value) in PathTemplate.Match(pathTemplate, blobPath))
        {
            request.TriggerMetadata[key] = new TypedData { String = value };
        }
    }

    /// <summary>The ModelBindingData a blob trigger carries, as the WebJobs blob extension writes it.</summary>
    internal static ModelBindingData BlobBindingData(string connection, string containerName, string blobName) => new()
    {
        Version = "1.0",
        Source = "AzureStorageBlobs",
        ContentType = "application/json",
        Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Connection"] = connection,
            ["ContainerName"] = containerName,
            ["BlobName"] = blobName,
        })),
    };

    /// <summary>The queue trigger input: the message text (or ModelBindingData for SDK types), with the message metadata.</summary>
    internal static void AddQueue(InvocationRequest request, BindingDescription trigger, QueueMessageInfo message)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(message);
        TypedData data;
        if (string.Equals(trigger.GetNestedProperty("supportsDeferredBinding"), "True", StringComparison.OrdinalIgnoreCase))
        {
            data = new TypedData
            {
                ModelBindingData = new ModelBindingData
                {
                    Version = "1.0",
                    Source = "AzureStorageQueues",
                    ContentType = "application/json",
                    Content = ByteString.CopyFromUtf8(JsonSerializer.Serialize(QueueMessageJson(message))),
                },
            };
        }
        else
        {
            data = string.Equals(trigger.GetString("dataType"), "binary", StringComparison.OrdinalIgnoreCase)
                ? new TypedData { Bytes = ByteString.CopyFromUtf8(message.Text) }
                : new TypedData { String = message.Text };
        }

        request.InputData.Add(new ParameterBinding { Name = trigger.Name, Data = data });
        request.TriggerMetadata["QueueTrigger"] = new TypedData { String = message.Text };
        request.TriggerMetadata["Id"] = new TypedData { String = message.Id };
        request.TriggerMetadata["PopReceipt"] = new TypedData { String = message.PopReceipt ?? string.Empty };
        request.TriggerMetadata["DequeueCount"] = new TypedData { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) };
        AddTime(request, "InsertionTime", message.InsertedOn);
        AddTime(request, "ExpirationTime", message.ExpiresOn);
        AddTime(request, "NextVisibleTime", message.NextVisibleOn);
    }

    /// <summary>The timer trigger input: a TimerInfo JSON object.</summary>
    internal static void AddTimer(InvocationRequest request, BindingDescription trigger, DateTimeOffset? last, DateTimeOffset? next, bool isPastDue)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trigger);
        var info = new Dictionary<string, object?>
        {
            ["Schedule"] = new Dictionary<string, object> { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new Dictionary<string, object?>
            {
                ["Last"] = last ?? DateTimeOffset.MinValue,
                ["Next"] = next ?? DateTimeOffset.MinValue,
                ["LastUpdated"] = last ?? DateTimeOffset.MinValue,
            },
            ["IsPastDue"] = isPastDue,
        };
        request.InputData.Add(new ParameterBinding { Name = trigger.Name, Data = new TypedData { Json = JsonSerializer.Serialize(info) } });
    }

    /// <summary>The QueueMessage JSON the worker's converter reads (null times are left out: it cannot read nulls).</summary>
    private static Dictionary<string, object> QueueMessageJson(QueueMessageInfo message)
    {
        var json = new Dictionary<string, object>
        {
            ["MessageId"] = message.Id,
            ["PopReceipt"] = message.PopReceipt ?? string.Empty,
            ["MessageText"] = message.Text,
            ["DequeueCount"] = message.DequeueCount,
        };
        if (message.NextVisibleOn is { } next)
        {
            json["NextVisibleOn"] = next;
        }

        if (message.InsertedOn is { } inserted)
        {
            json["InsertedOn"] = inserted;
        }

        if (message.ExpiresOn is { } expires)
        {
            json["ExpiresOn"] = expires;
        }

        return json;
    }

    private static void AddTime(InvocationRequest request, string key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            request.TriggerMetadata[key] = new TypedData { Json = JsonSerializer.Serialize(v.ToString("O", CultureInfo.InvariantCulture)) };
        }
    }
}

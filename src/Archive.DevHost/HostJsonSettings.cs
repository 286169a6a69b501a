using System.Globalization;
using System.Text.Json;

namespace Archive.DevHost;

/// <summary>The parts of host.json the dev host applies: the HTTP route prefix and the blob and queue listener settings.</summary>
public sealed record HostJsonSettings
{
    public string RoutePrefix { get; init; } = "api";

    public int? BlobsMaxDegreeOfParallelism { get; init; }

    public int? BlobsPoisonBlobThreshold { get; init; }

    public int? QueuesBatchSize { get; init; }

    public int? QueuesNewBatchThreshold { get; init; }

    public int? QueuesMaxDequeueCount { get; init; }

    public TimeSpan? QueuesMaxPollingInterval { get; init; }

    public TimeSpan? QueuesVisibilityTimeout { get; init; }

    /// <summary>True when host.json sets <c>extensions.queues.messageEncoding</c> to <c>none</c> (messages as sent, not base64).</summary>
    public bool QueuesPlainMessages { get; init; }

    /// <summary>Reads host.json; a missing file means the defaults.</summary>
    public static HostJsonSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HostJsonSettings();
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = Property(doc.RootElement, "extensions");
        var http = Property(extensions, "http");
        var blobs = Property(extensions, "blobs");
        var queues = Property(extensions, "queues");
        var prefix = Property(http, "routePrefix");
        return new HostJsonSettings
        {
            RoutePrefix = prefix is { ValueKind: JsonValueKind.String } p ? p.GetString()!.Trim('/') : "api",
            BlobsMaxDegreeOfParallelism = Int(blobs, "maxDegreeOfParallelism"),
            BlobsPoisonBlobThreshold = Int(blobs, "poisonBlobThreshold"),
            QueuesBatchSize = Int(queues, "batchSize"),
            QueuesNewBatchThreshold = Int(queues, "newBatchThreshold"),
            QueuesMaxDequeueCount = Int(queues, "maxDequeueCount"),
            QueuesMaxPollingInterval = Time(queues, "maxPollingInterval"),
            QueuesVisibilityTimeout = Time(queues, "visibilityTimeout"),
            QueuesPlainMessages = Property(queues, "messageEncoding") is { ValueKind: JsonValueKind.String } encoding &&
                                  string.Equals(encoding.GetString(), "none", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static JsonElement? Property(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }

        foreach (var property in e.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static int? Int(JsonElement? element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetInt32(),
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    private static TimeSpan? Time(JsonElement? element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s when TimeSpan.TryParse(s.GetString(), CultureInfo.InvariantCulture, out var t) => t,
        { ValueKind: JsonValueKind.Number } n => TimeSpan.FromMilliseconds(n.GetDouble()),
        _ => null,
    };
}

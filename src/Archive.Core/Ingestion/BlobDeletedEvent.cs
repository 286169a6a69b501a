using System.Text;
using System.Text.Json;

namespace Archive.Core.Ingestion;

/// <summary>
/// A <c>Microsoft.Storage.BlobDeleted</c> event as Event Grid delivers it to a storage queue: one event (Event Grid
/// or CloudEvents schema) or an array of them, JSON or base64 JSON. The blob comes from the subject
/// <c>/blobServices/default/containers/{container}/blobs/{path}</c> (falling back to <c>data.url</c>).
/// </summary>
public sealed record BlobDeletedEvent(string Container, string BlobName)
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";

    private const string SubjectPrefix = "/blobServices/default/containers/";

    /// <summary>
    /// Parses a queue message. Returns the deletion events it holds; <paramref name="ignored"/> lists why other events
    /// were skipped. Throws <see cref="FormatException"/> when the message is not an event at all.
    /// </summary>
    public static IReadOnlyList<BlobDeletedEvent> Parse(string message, out IReadOnlyList<string> ignored)
    {
        var text = (message ?? "").Trim();
        if (text.Length > 0 && text[0] is not ('{' or '['))
        {
            try
            {
                text = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Trim();
            }
            catch (FormatException)
            {
                throw new FormatException("The message is neither JSON nor base64 JSON.");
            }
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException("The message is not valid JSON: " + e.Message, e);
        }

        using (document)
        {
            var events = new List<BlobDeletedEvent>();
            var skipped = new List<string>();
            var root = document.RootElement;
            IEnumerable<JsonElement> items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];
            foreach (var item in items)
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("An event must be a JSON object.");
                }

                var type = GetString(item, "eventType") ?? GetString(item, "type");
                if (type != EventType)
                {
                    skipped.Add($"event type '{type}' is not {EventType}");
                    continue;
                }

                if (TryGetBlob(item, out var container, out var name))
                {
                    events.Add(new BlobDeletedEvent(container, name));
                }
                else
                {
                    skipped.Add("the event names no blob");
                }
            }

            ignored = skipped;
            return events;
        }
    }

    private static bool TryGetBlob(JsonElement item, out string container, out string name)
    {
        var subject = GetString(item, "subject");
        if (subject is not null && subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            var rest = subject[SubjectPrefix.Length..];
            var marker = rest.IndexOf("/blobs/", StringComparison.Ordinal);
            if (marker > 0 && marker + 7 < rest.Length)
            {
                container = rest[..marker];
                name = rest[(marker + 7)..];
                return true;
            }
        }

        if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object &&
            Uri.TryCreate(GetString(data, "url"), UriKind.Absolute, out var url))
        {
            // https://account.blob.core.windows.net/container/path, or http://127.0.0.1:10000/devstoreaccount1/container/path.
            var segments = url.AbsolutePath.TrimStart('/').Split('/', 2);
            if (url.IsLoopback && segments.Length == 2)
            {
                segments = segments[1].Split('/', 2);
            }

            if (segments.Length == 2 && segments[0].Length > 0 && segments[1].Length > 0)
            {
                container = segments[0];
                name = Uri.UnescapeDataString(segments[1]);
                return true;
            }
        }

        container = "";
        name = "";
        return false;
    }

    private static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

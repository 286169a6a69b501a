using System.Text.Json;

namespace Archive.DevHost;

/// <summary>One binding of a function as the worker describes it (a raw binding JSON object).</summary>
public sealed class BindingDescription
{
    private readonly Dictionary<string, JsonElement> properties;

    private BindingDescription(string name, string type, string direction, Dictionary<string, JsonElement> properties)
    {
        Name = name;
        Type = type;
        Direction = direction;
        this.properties = properties;
    }

    public string Name { get; }

    /// <summary>The binding type as written by the worker, e.g. <c>httpTrigger</c>, <c>blobTrigger</c>.</summary>
    public string Type { get; }

    public string Direction { get; }

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public static BindingDescription Parse(JsonElement element)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value.Clone();
        }

        string Text(string key) => map.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        return new BindingDescription(Text("name"), Text("type"), Text("direction"), map);
    }

    public static BindingDescription Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Parse(doc.RootElement);
    }

    /// <summary>A string property (e.g. <c>path</c>, <c>route</c>, <c>connection</c>), or null when absent.</summary>
    public string? GetString(string key) =>
        properties.TryGetValue(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        } : null;

    /// <summary>A boolean property, accepting JSON booleans and "true"/"false" strings.</summary>
    public bool GetBool(string key) =>
        properties.TryGetValue(key, out var v) && (v.ValueKind == JsonValueKind.True ||
            (v.ValueKind == JsonValueKind.String && bool.TryParse(v.GetString(), out var b) && b));

    /// <summary>A string-array property (e.g. <c>methods</c>); empty when absent.</summary>
    public IReadOnlyList<string> GetStrings(string key) =>
        properties.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    /// <summary>A property of the nested <c>properties</c> object (e.g. <c>supportsDeferredBinding</c>).</summary>
    public string? GetNestedProperty(string key)
    {
        if (!properties.TryGetValue("properties", out var nested) || nested.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in nested.EnumerateObject())
        {
            if (string.Equals(property.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return null;
    }
}

using System.Collections;
using System.Text.Json;

namespace Archive.DevHost;

/// <summary>
/// The app settings the worker and the listeners see: local.settings.json <c>Values</c>, with any variable already set
/// in the dev host's own environment taking precedence.
/// </summary>
public sealed class AppSettings
{
    private readonly Dictionary<string, string> values;

    public AppSettings(IReadOnlyDictionary<string, string> localValues, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(localValues);
        ArgumentNullException.ThrowIfNull(environment);
        values = new Dictionary<string, string>(localValues, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in environment)
        {
            if (values.ContainsKey(key))
            {
                values[key] = value;
            }
        }

        LocalValues = localValues;
    }

    /// <summary>The local.settings.json values after the environment overrides (only keys the file names).</summary>
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>The values as read from the file.</summary>
    public IReadOnlyDictionary<string, string> LocalValues { get; }

    /// <summary>Reads the <c>Values</c> object of a local.settings.json file.</summary>
    public static IReadOnlyDictionary<string, string> ReadLocalSettings(string path)
    {
        if (!File.Exists(path))
        {
            throw new DevHostStartupException($"The settings file '{path}' does not exist.");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (doc.RootElement.TryGetProperty("Values", out var valuesElement) && valuesElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in valuesElement.EnumerateObject())
                {
                    result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new DevHostStartupException($"The settings file '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>The current process environment as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return result;
    }
}

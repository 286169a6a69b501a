using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Testing;

namespace Archive.Infra.Tests;

/// <summary>
/// Every app setting a binding of the Functions app reads (a <c>%name%</c> expression, or a <c>connection</c>) must be
/// set by the Bicep. The list comes from the generated functions.metadata of the Functions build, not from a hand list:
/// a new trigger reading a new setting fails here until main.bicep sets it.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed partial class BindingSettingsTests(BicepFixture bicep)
{
    private static string MetadataPath
    {
        get
        {
            // The Functions project is built before these tests (a project reference without its assembly).
            var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Archive.Functions", configuration, "functions.metadata");
        }
    }

    /// <summary>(function, setting) for every %...% in every binding; ':' becomes '__' as app settings spell it.</summary>
    public static IReadOnlyList<(string Function, string Setting)> PercentSettings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        var found = new List<(string, string)>();
        foreach (var function in doc.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                foreach (var property in binding.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    foreach (Match match in PercentExpression().Matches(property.Value.GetString()!))
                    {
                        found.Add((name, match.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)));
                    }
                }
            }
        }

        return found;
    }

    private static IReadOnlyList<(string Function, string Connection)> Connections()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        return [.. doc.RootElement.EnumerateArray().SelectMany(f => f.GetProperty("bindings").EnumerateArray()
            .Where(b => b.TryGetProperty("connection", out _))
            .Select(b => (f.GetProperty("name").GetString()!, b.GetProperty("connection").GetString()!)))];
    }

    [SkippableFact]
    public void Bicep_SetsEverySettingTheBindingsRead()
    {
        // Arrange
        var settings = new Infra(bicep.Template).AppSettings;
        var required = PercentSettings();

        // Act
        var missing = required.Where(r => !settings.ContainsKey(r.Setting)).Select(r => $"{r.Function}: {r.Setting}").ToList();

        // Assert: the metadata names at least the three settings the triggers are known to read.
        Assert.Contains(required, r => r.Setting == "Archive__ReconcileSchedule");
        Assert.Contains(required, r => r.Setting == "Archive__ArticlesContainer");
        Assert.Contains(required, r => r.Setting == "Archive__DeletionsQueue");
        Assert.Empty(missing);
    }

    [SkippableFact]
    public void Bicep_SetsEveryConnectionTheBindingsUse()
    {
        // Arrange
        var settings = new Infra(bicep.Template).AppSettings;
        var connections = Connections();

        // Act: an identity-based connection is a group of settings "<name>__serviceUri"...
        var missing = connections
            .Where(c => !settings.Keys.Any(k => k == c.Connection || k.StartsWith(c.Connection + "__", StringComparison.Ordinal)))
            .Select(c => $"{c.Function}: {c.Connection}")
            .ToList();

        // Assert
        Assert.NotEmpty(connections);
        Assert.Empty(missing);
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex PercentExpression();
}

/// <summary>The memory settings fit together: the largest input, at the expected cost per byte, fits in the budget.</summary>
[Collection(BicepCollection.Name)]
public sealed class MemorySettingsTests(BicepFixture bicep)
{
    [SkippableFact]
    public void MemoryBudgetAndSizeCap_FollowTheInstanceMemory()
    {
        // Arrange
        var settings = new Infra(bicep.Template).AppSettings;

        // Act
        var budget = settings["Archive__IngestMemoryBudgetMB"];
        var cap = settings["Extraction__MaxBytes"];

        // Assert (main.bicep's default instance memory, 2,048 MB): half of it for ingestion; a cap of 1/64 of the instance costs 30/64 of it at 30 bytes per
        // byte (Archive__IngestCostPerByte's default), under the half.
        Assert.Equal("[string(div(2048, 2))]", budget);
        Assert.Equal("[string(mul(div(2048, 64), 1048576))]", cap);
    }
}

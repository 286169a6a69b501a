using System.Text.Json.Nodes;

namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class OperationsTests(BicepFixture bicep)
{
    // Category groups and metric categories: https://learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings
    // (storage services publish metrics as 'Transaction'; the others as 'AllMetrics').
    [SkippableFact]
    public void DiagnosticSettings_StorageEventGridSearchAndApp_SendAllLogsAndMetricsToTheWorkspace()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var account = Infra.Inner(infra.StorageAccount.Name);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"[resourceId('Microsoft.Storage/storageAccounts/blobServices', {account}, 'default')]"] = "Transaction",
            [$"[resourceId('Microsoft.Storage/storageAccounts/queueServices', {account}, 'default')]"] = "Transaction",
            [$"[{Infra.ResourceId(infra.SystemTopic)}]"] = "AllMetrics",
            [$"[{Infra.ResourceId(infra.SearchService)}]"] = "AllMetrics",
            [$"[{Infra.ResourceId(infra.FunctionApp)}]"] = "AllMetrics",
        };
        var workspace = $"[{Infra.ResourceId(infra.LogAnalytics)}]";

        // Act
        var settings = infra.Template.OfType("Microsoft.Insights/diagnosticSettings")
            .ToDictionary(s => s.String("scope") ?? "", StringComparer.Ordinal);

        // Assert
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), settings.Keys.Order(StringComparer.Ordinal));
        foreach (var (scope, metricCategory) in expected)
        {
            var setting = settings[scope];
            Assert.Equal(workspace, setting.String("properties.workspaceId"));
            var logs = Operations.Array(setting, "properties.logs");
            var metrics = Operations.Array(setting, "properties.metrics");
            Assert.Contains(logs, l => l?["categoryGroup"]?.GetValue<string>() == "allLogs" && l["enabled"]?.GetValue<bool>() == true);
            Assert.Contains(metrics, m => m?["category"]?.GetValue<string>() == metricCategory && m["enabled"]?.GetValue<bool>() == true);
        }
    }
}

/// <summary>Reads the operations resources of the compiled template.</summary>
internal static class Operations
{
    /// <summary>The array at <paramref name="path"/>, following one <c>[variables('x')]</c> indirection.</summary>
    public static JsonArray Array(ArmResource resource, string path) =>
        resource.Node(path) switch
        {
            JsonArray array => array,
            JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith("[variables('", StringComparison.Ordinal) =>
                resource.Deployment.Template["variables"]?[text["[variables('".Length..^"')]".Length]] as JsonArray
                ?? throw new InvalidOperationException($"{resource}: variable {text} is not an array."),
            _ => throw new InvalidOperationException($"{resource}: no array at {path}."),
        };
}

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

    [SkippableFact]
    public void AvailabilityTest_Health_IsAStandardGetOfTheAppsHostWithAnAlertOnIt()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var insights = $"[{Infra.ResourceId(infra.ApplicationInsights)}]";

        // Act
        var test = infra.Template.Single("Microsoft.Insights/webtests");
        var alert = infra.Template.OfType("Microsoft.Insights/metricAlerts")
            .Single(a => a.Node("properties.criteria") is JsonObject c &&
                c["odata.type"]?.GetValue<string>() == "Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria");
        var testId = $"[{Infra.ResourceId(test)}]";

        // Assert: a standard test (https://learn.microsoft.com/azure/azure-monitor/app/availability) of /api/health on
        // the function app's default host name, expecting 200; the alert watches that test in that component.
        Assert.Equal("standard", test.String("kind"));
        Assert.Equal("standard", test.String("properties.Kind"));
        Assert.True(test.Bool("properties.Enabled"));
        Assert.Equal($"[format('https://{{0}}/api/health', {Infra.ReferenceTo(infra.FunctionApp, "defaultHostName")})]", test.String("properties.Request.RequestUrl"));
        Assert.Equal("GET", test.String("properties.Request.HttpVerb"));
        Assert.Equal(200, test.Node("properties.ValidationRules.ExpectedHttpStatusCode")?.GetValue<int>());
        Assert.True(test.Node("properties.Locations")!.AsArray().Count >= 2);
        Assert.Contains($"hidden-link:{{0}}', {Infra.ResourceId(infra.ApplicationInsights)}", test.String("tags"), StringComparison.Ordinal);
        var criteria = alert.Node("properties.criteria")!;
        Assert.Equal(testId, alert.Deployment.Resolve(criteria["webTestId"]!.GetValue<string>()));
        Assert.Equal(insights, alert.Deployment.Resolve(criteria["componentId"]!.GetValue<string>()));
        Assert.True(criteria["failedLocationCount"]!.GetValue<int>() <= test.Node("properties.Locations")!.AsArray().Count);
        Assert.Equal([testId, insights], alert.Node("properties.scopes")!.AsArray().Select(s => alert.Deployment.Resolve(s!.GetValue<string>())));
        Assert.Equal(ActionGroupId(infra), alert.Deployment.Resolve(Operations.Array(alert, "properties.actions").Single()!["actionGroupId"]!.GetValue<string>()));
    }

    // Metric names: https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-eventgrid-systemtopics-metrics,
    // .../microsoft-web-sites-metrics, .../microsoft-search-searchservices-metrics.
    [SkippableFact]
    public void MetricAlerts_DeadLetters5xxAndThrottling_FireAboveZeroOnTheirResources()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var expected = new[]
        {
            ($"[{Infra.ResourceId(infra.SystemTopic)}]", "Microsoft.EventGrid/systemTopics", "DeadLetteredCount"),
            ($"[{Infra.ResourceId(infra.FunctionApp)}]", "Microsoft.Web/sites", "Http5xx"),
            ($"[{Infra.ResourceId(infra.SearchService)}]", "Microsoft.Search/searchServices", "ThrottledSearchQueriesPercentage"),
        };

        // Act: the rules are one copy loop over the module's metricRules variable.
        var loop = infra.Template.OfType("Microsoft.Insights/metricAlerts").Single(a => a.Json["copy"] is not null);
        var rules = loop.Deployment.Template["variables"]!["metricRules"]!.AsArray();
        var actual = rules.Select(r => (
            loop.Deployment.Resolve(r!["scope"]!.GetValue<string>()),
            r["metricNamespace"]!.GetValue<string>(),
            r["metricName"]!.GetValue<string>()));

        // Assert
        Assert.Equal("[length(variables('metricRules'))]", loop.Json["copy"]!["count"]!.GetValue<string>());
        Assert.Equal(expected, actual);
        Assert.All(rules, r => Assert.Equal(0, r!["threshold"]!.GetValue<int>()));
        var criterion = loop.Node("properties.criteria.allOf")!.AsArray().Single()!;
        Assert.Equal("GreaterThan", criterion["operator"]!.GetValue<string>());
        Assert.Equal("[variables('metricRules')[copyIndex()].metricName]", criterion["metricName"]!.GetValue<string>());
        Assert.Equal("[variables('metricRules')[copyIndex()].threshold]", criterion["threshold"]!.GetValue<string>());
        Assert.Equal("[variables('metricRules')[copyIndex()].scope]", loop.Node("properties.scopes")!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(ActionGroupId(infra), loop.Deployment.Resolve(Operations.Array(loop, "properties.actions").Single()!["actionGroupId"]!.GetValue<string>()));
    }

    [SkippableFact]
    public void LogAlert_FailedIngestions_QueriesTheOutcomesMetricInTheWorkspace()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var rule = infra.Template.Single("Microsoft.Insights/scheduledQueryRules");
        var criterion = rule.Node("properties.criteria.allOf")!.AsArray().Single()!;
        var query = criterion["query"]!.GetValue<string>();

        // Assert: poison depth has no per-queue metric, so the failures that feed the poison queue are counted instead.
        Assert.Equal([$"[{Infra.ResourceId(infra.LogAnalytics)}]"], rule.Node("properties.scopes")!.AsArray().Select(s => rule.Deployment.Resolve(s!.GetValue<string>())));
        Assert.Contains("AppMetrics", query, StringComparison.Ordinal);
        Assert.Contains("\"archive.ingest.outcomes\"", query, StringComparison.Ordinal);
        Assert.Contains("== \"failed\"", query, StringComparison.Ordinal);
        Assert.Contains($"summarize {criterion["metricMeasureColumn"]!.GetValue<string>()} = sum(Sum)", query, StringComparison.Ordinal);
        Assert.Equal("GreaterThan", criterion["operator"]!.GetValue<string>());
        Assert.Equal(0, criterion["threshold"]!.GetValue<int>());
        Assert.Equal([ActionGroupId(infra)], rule.Node("properties.actions.actionGroups")!.AsArray().Select(a => rule.Deployment.Resolve(a!.GetValue<string>())));
    }

    [SkippableFact]
    public void ActionGroup_AlertEmail_IsOptionalAndTheOnlyReceiver()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var parameters = infra.Template.Main.Template["parameters"]!;

        // Act
        var group = infra.Template.Single("Microsoft.Insights/actionGroups");
        var receivers = group.Node("properties.emailReceivers")!.GetValue<string>();

        // Assert: no receiver when alertEmail is empty (its default), one mail receiver otherwise.
        Assert.Equal("", parameters["alertEmail"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(
            "[if(empty(parameters('alertEmail')), createArray(), createArray(createObject('name', 'operator', 'emailAddress', parameters('alertEmail'), 'useCommonAlertSchema', true())))]",
            receivers);
        Assert.True(group.String("properties.groupShortName")!.Length <= 12);
        Assert.Equal("global", group.String("location"));
    }

    private static string ActionGroupId(Infra infra) =>
        $"[{Infra.ResourceId(infra.Template.Single("Microsoft.Insights/actionGroups"))}]";
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

namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class AppSettingsTests(BicepFixture bicep)
{
    private static readonly string[] ForbiddenFragments =
    [
        "listKeys", "listAccountSas", "listServiceSas", "listAdminKeys", "listQueryKeys", "AccountKey=",
        "InstrumentationKey=", "SharedAccessSignature", "sig=", "apikey", "ApiKey",
    ];

    [SkippableFact]
    public void AppSettings_Names_AreExactlyTheOnesTheAppReads()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        string[] expected =
        [
            "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "ArticlesStorage__blobServiceUri", "ArticlesStorage__queueServiceUri", "ArticlesStorage__credential", "ArticlesStorage__clientId",
            "Archive__ArticlesContainer", "Archive__RejectedContainer", "Archive__DeletionsQueue", "Archive__ReconcileSchedule", "Archive__ReconcileQueue", "Archive__IngestMemoryBudgetMB", "Extraction__MaxBytes",
            "Search__Endpoint", "Search__IndexName", "Search__Credential", "Search__ClientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        ];

        // Act
        var names = infra.AppSettings.Keys.Order(StringComparer.Ordinal);

        // Assert: nothing else either (Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and WEBSITE_* package settings).
        Assert.Equal(expected.Order(StringComparer.Ordinal), names);
    }

    [SkippableFact]
    public void AppSettings_Connections_AreIdentityBasedWithTheAppIdentity()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var settings = infra.AppSettings;
        var clientId = Infra.ClientIdOf(infra.AppIdentity);

        // Act
        string Endpoint(string service) => $"[{Infra.ReferenceTo(infra.StorageAccount, $"primaryEndpoints.{service}")}]";

        // Assert
        foreach (var connection in new[] { "AzureWebJobsStorage", "ArticlesStorage" })
        {
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.Equal(clientId, settings[$"{connection}__clientId"]);
            Assert.Equal(Endpoint("blob"), settings[$"{connection}__blobServiceUri"]);
            Assert.Equal(Endpoint("queue"), settings[$"{connection}__queueServiceUri"]);
        }

        Assert.Equal(Endpoint("table"), settings["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("managedidentity", settings["Search__Credential"]);
        Assert.Equal(clientId, settings["Search__ClientId"]);
    }

    [SkippableFact]
    public void AppSettings_ContainerQueueAndIndexNames_MatchTheProvisionedResources()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var settings = infra.AppSettings;
        var containers = infra.Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.Name).ToList();
        var queues = infra.Template.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.Name).ToList();

        // Act
        var articles = settings["Archive__ArticlesContainer"];
        var rejected = settings["Archive__RejectedContainer"];
        var deletions = settings["Archive__DeletionsQueue"];

        // Assert
        Assert.Equal("articles", articles);
        Assert.Equal("articles-rejected", rejected);
        Assert.Equal("article-deletions", deletions);
        Assert.Contains(containers, c => c.EndsWith($"'default', '{articles}')]", StringComparison.Ordinal));
        Assert.Contains(containers, c => c.EndsWith($"'default', '{rejected}')]", StringComparison.Ordinal));
        Assert.Contains(queues, q => q.EndsWith($"'default', '{deletions}')]", StringComparison.Ordinal));
        Assert.Equal("articles", settings["Search__IndexName"]);
        Assert.Equal($"[format('https://{{0}}.search.windows.net', {Infra.Inner(infra.SearchService.Name)})]", settings["Search__Endpoint"]);
    }

    [SkippableFact]
    public void AppSettings_ApplicationInsights_AuthenticatesWithTheAppIdentity()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var settings = infra.AppSettings;

        // Act
        var authentication = settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        var connection = settings["APPLICATIONINSIGHTS_CONNECTION_STRING"];

        // Assert
        Assert.Equal(
            $"[format('ClientId={{0}};Authorization=AAD', {Infra.Inner(Infra.ClientIdOf(infra.AppIdentity))})]",
            authentication);
        Assert.Equal($"[{Infra.ReferenceTo(infra.ApplicationInsights, "ConnectionString")}]", connection);
    }

    [SkippableFact]
    public void AppSettings_Values_CarryNoKeyOrSecret()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var offending = infra.AppSettings
            .Where(s => ForbiddenFragments.Any(f => s.Value.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Select(s => $"{s.Key} = {s.Value}")
            .ToList();

        // Assert
        Assert.Empty(offending);
    }

    [SkippableFact]
    public void Template_Text_CallsNoKeyFunctionAndHoldsNoKey()
    {
        // Arrange
        var text = bicep.Template.Root.ToJsonString();

        // Act
        var found = ForbiddenFragments.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)).ToList();

        // Assert
        Assert.Empty(found);
    }

    [SkippableFact]
    public void Outputs_AtEveryLevel_AreNotSecureAndExposeNoKeyOrConnectionString()
    {
        // Arrange
        var template = bicep.Template;

        // Act
        var offending = template.Deployments
            .SelectMany(d => d.Outputs.Select(o => (Deployment: d, Name: o.Key, Output: o.Value)))
            .Where(o =>
                (o.Output?["type"]?.GetValue<string>() ?? "").StartsWith("secure", StringComparison.OrdinalIgnoreCase) ||
                o.Output?["value"]?.ToJsonString() is { } value &&
                (value.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) ||
                 value.Contains("key", StringComparison.OrdinalIgnoreCase) ||
                 value.Contains("secret", StringComparison.OrdinalIgnoreCase)))
            .Select(o => $"{o.Deployment.Name}.{o.Name}")
            .ToList();

        // Assert
        Assert.NotEmpty(template.Main.Outputs);
        Assert.Empty(offending);
    }
}

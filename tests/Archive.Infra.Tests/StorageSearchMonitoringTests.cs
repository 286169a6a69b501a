namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class StorageSearchMonitoringTests(BicepFixture bicep)
{
    [SkippableFact]
    public void StorageAccount_Access_IsEntraOnlyOverTls12WithoutPublicBlobs()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var storage = infra.StorageAccount;

        // Assert
        Assert.False(storage.Bool("properties.allowSharedKeyAccess"));
        Assert.False(storage.Bool("properties.allowBlobPublicAccess"));
        Assert.True(storage.Bool("properties.supportsHttpsTrafficOnly"));
        Assert.True(storage.Bool("properties.defaultToOAuthAuthentication"));
        Assert.Equal("TLS1_2", storage.String("properties.minimumTlsVersion"));
        Assert.Equal("StorageV2", storage.String("kind"));
    }

    [SkippableFact]
    public void StorageAccount_Containers_AreArticlesRejectedDeploymentAndDeadLettersAllPrivate()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var account = Infra.Inner(infra.StorageAccount.Name);

        // Act
        var containers = infra.Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        // Assert
        Assert.Equal(
            new[] { "app-package", "articles", "articles-rejected", "event-deadletters" }.Select(c => $"[format('{{0}}/{{1}}/{{2}}', {account}, 'default', '{c}')]"),
            containers.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", c.String("properties.publicAccess")));
    }

    [SkippableFact]
    public void StorageAccount_Queues_AreTheDeletionsAndReconcileQueues()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var account = Infra.Inner(infra.StorageAccount.Name);

        // Act
        var queues = infra.Template.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.Name).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(
            [
                $"[format('{{0}}/{{1}}/{{2}}', {account}, 'default', 'article-deletions')]",
                $"[format('{{0}}/{{1}}/{{2}}', {account}, 'default', 'article-reconcile')]",
            ],
            queues);
    }

    [SkippableFact]
    public void SearchService_Authentication_IsEntraOnlyOnBasicByDefault()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var search = infra.SearchService;

        // Assert
        Assert.True(search.Bool("properties.disableLocalAuth"));
        Assert.Null(search.Node("properties.authOptions"));
        Assert.Equal("basic", search.String("sku.name"));
        Assert.Contains(
            "basic",
            infra.Template.Main.Template["parameters"]!["searchSku"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [SkippableFact]
    public void ApplicationInsights_Ingestion_IsWorkspaceBasedWithLocalAuthDisabled()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var insights = infra.ApplicationInsights;

        // Assert
        Assert.True(insights.Bool("properties.DisableLocalAuth"));
        Assert.Equal($"[{Infra.ResourceId(infra.LogAnalytics)}]", insights.String("properties.WorkspaceResourceId"));
        Assert.Equal("LogAnalytics", insights.String("properties.IngestionMode"));
        Assert.Equal("PerGB2018", infra.LogAnalytics.String("properties.sku.name"));
    }
}

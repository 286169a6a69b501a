using System.Text.Json.Nodes;

namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class FunctionAppTests(BicepFixture bicep)
{
    [SkippableFact]
    public void Plan_Sku_IsFlexConsumptionOnLinux()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var plan = infra.Plan;

        // Assert
        Assert.Equal("FC1", plan.String("sku.name"));
        Assert.Equal("FlexConsumption", plan.String("sku.tier"));
        Assert.True(plan.Bool("properties.reserved"));
    }

    [SkippableFact]
    public void Site_Runtime_IsDotnetIsolated10OnTheFlexPlan()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var app = infra.FunctionApp;

        // Assert
        Assert.Equal("functionapp,linux", app.String("kind"));
        Assert.Equal("dotnet-isolated", app.String("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", app.String("properties.functionAppConfig.runtime.version"));
        Assert.Equal($"[{Infra.ResourceId(infra.Plan)}]", app.String("properties.serverFarmId"));
    }

    [SkippableFact]
    public void Site_DeploymentStorage_IsABlobContainerReadWithTheAppIdentity()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var deploymentContainer = infra.Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Single(c => c.Name.EndsWith("'app-package')]", StringComparison.Ordinal));

        // Act
        var storage = infra.FunctionApp.Node("properties.functionAppConfig.deployment.storage");
        var app = infra.FunctionApp;

        // Assert
        Assert.NotNull(storage);
        Assert.Equal("blobContainer", app.String("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal(
            $"[format('{{0}}{{1}}', {Infra.ReferenceTo(infra.StorageAccount, "primaryEndpoints.blob")}, 'app-package')]",
            app.String("properties.functionAppConfig.deployment.storage.value"));
        Assert.Equal("UserAssignedIdentity", app.String("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal(
            $"[{Infra.ResourceId(infra.AppIdentity)}]",
            app.String("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
        Assert.Equal("None", deploymentContainer.String("properties.publicAccess"));
    }

    [SkippableFact]
    public void Site_ScaleAndConcurrency_ComeFromMainParameters()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var parameters = infra.Template.Main.Template["parameters"]!;

        // Act
        var memory = infra.FunctionApp.String("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB");
        var maximum = infra.FunctionApp.String("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount");

        // Assert: defaults are substituted by the resolver, so a literal here means "main's default".
        Assert.Equal("[2048]", memory);
        Assert.Equal("[100]", maximum);
        Assert.Equal([512, 2048, 4096], parameters["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(1000, parameters["maximumInstanceCount"]!["maxValue"]!.GetValue<int>());
        Assert.False(infra.FunctionApp.Bool("properties.siteConfig.alwaysOn") ?? false);
    }

    [SkippableFact]
    public void Site_Identity_IsOnlyTheAppUserAssignedIdentity()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var app = infra.FunctionApp;

        // Act
        var identities = app.Node("identity.userAssignedIdentities") as JsonObject;

        // Assert
        Assert.Equal("UserAssigned", app.String("identity.type"));
        Assert.NotNull(identities);
        var key = Assert.Single(identities).Key;
        Assert.Equal($"[format('{{0}}', {Infra.ResourceId(infra.AppIdentity)})]", app.Deployment.Resolve(key));
    }

    [SkippableFact]
    public void Site_Transport_IsHttpsOnlyWithTls12AndNoBasicPublishingCredentials()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var policies = infra.Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        // Assert
        Assert.True(infra.FunctionApp.Bool("properties.httpsOnly"));
        Assert.Equal("1.2", infra.FunctionApp.String("properties.siteConfig.minTlsVersion"));
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Bool("properties.allow")));
        Assert.Contains(policies, p => p.Name.EndsWith("'ftp')]", StringComparison.Ordinal));
        Assert.Contains(policies, p => p.Name.EndsWith("'scm')]", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Site_Tags_NameTheAzdService()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var tags = infra.FunctionApp.String("tags");

        // Assert
        Assert.Equal("[union(variables('tags'), createObject('azd-service-name', 'functions'))]", tags);
    }
}

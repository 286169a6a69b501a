namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class BicepBuildTests(BicepFixture bicep)
{
    [SkippableFact]
    public void Build_MainBicep_CompilesWithoutDiagnostics()
    {
        // Arrange
        BicepFixture.SkipUnlessBicepRuns();

        // Act
        var build = bicep.Build!;

        // Assert
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(BicepFixture.Diagnostics(build.StandardError));
        Assert.StartsWith("{", build.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Lint_EveryBicepFile_ReportsNothing()
    {
        // Arrange
        BicepFixture.SkipUnlessBicepRuns();

        // Act
        var lint = bicep.Lint!;

        // Assert
        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.Empty(BicepFixture.Diagnostics(lint.Output));
    }

    [SkippableFact]
    public async Task Lint_FileBreakingTheRepositoryRules_IsReported()
    {
        // Arrange: the lint test above only means something if the repository's bicepconfig.json reports problems.
        BicepFixture.SkipUnlessBicepRuns();
        var folder = Directory.CreateTempSubdirectory("archive-bicep-lint-");
        try
        {
            var file = Path.Combine(folder.FullName, "bad.bicep");
            await File.WriteAllTextAsync(file, """
                param unused string
                var endpoint = 'https://management.azure.com/'
                output endpoint string = endpoint
                """);
            var config = Path.Combine(BicepFixture.InfraDirectory, "bicepconfig.json");

            // Act
            var lint = await BicepCli.RunAsync(folder.FullName, "lint", file, "--config", config);

            // Assert
            var diagnostics = string.Join('\n', BicepFixture.Diagnostics(lint.Output));
            Assert.Contains("no-unused-params", diagnostics, StringComparison.Ordinal);
            Assert.Contains("no-hardcoded-env-urls", diagnostics, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void Template_Modules_AreNestedDeploymentsOfOneResourceGroup()
    {
        // Arrange
        var template = bicep.Template;

        // Act
        var modules = template.Main.Children.Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        var resourceGroup = template.Single("Microsoft.Resources/resourceGroups");
        var scopes = template.Main.Template["resources"]!.AsArray()
            .Where(r => r?["type"]?.GetValue<string>() == "Microsoft.Resources/deployments")
            .Select(r => r?["resourceGroup"]?.GetValue<string>())
            .Distinct()
            .ToList();

        // Assert
        Assert.Equal(["eventgrid", "function-app", "identity", "monitoring", "operations", "rbac", "search", "storage"], modules);
        Assert.Contains("subscriptionDeploymentTemplate.json", template.Root["$schema"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("format('rg-{0}', parameters('environmentName'))", resourceGroup.Name, StringComparison.Ordinal);
        Assert.Equal([resourceGroup.Json["name"]?.GetValue<string>()], scopes);
    }

    [SkippableFact]
    public void Template_EveryRegionalResource_CarriesTheAzdEnvironmentTag()
    {
        // Arrange
        var template = bicep.Template;

        // Act
        var untagged = template.Resources
            .Where(r => r.Json["location"] is not null && r.Json["tags"] is null)
            .Select(r => r.ToString())
            .ToList();
        var tags = template.Main.Template["variables"]?["tags"];
        var token = template.Main.Resolve("[variables('resourceToken')]");

        // Assert
        Assert.Empty(untagged);
        Assert.Equal("[parameters('environmentName')]", tags?["azd-env-name"]?.GetValue<string>());
        Assert.Equal("[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]", token);
    }
}

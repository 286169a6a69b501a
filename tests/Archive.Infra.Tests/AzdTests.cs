using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archive.Testing;
using YamlDotNet.RepresentationModel;

namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed partial class AzdTests(BicepFixture bicep)
{
    // Values azd itself puts in the hook environment (not Bicep outputs).
    private static readonly string[] AzdProvided = ["AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID"];

    // Values a person may set to tune the hooks.
    private static readonly string[] HookTuning = ["ARCHIVE_HOOK_ATTEMPTS", "ARCHIVE_HOOK_DELAY_SECONDS"];

    private static string Root => RepositoryPaths.Root;

    [Fact]
    public void AzureYaml_FunctionsService_DeploysTheFunctionsProject()
    {
        // Arrange
        var yaml = LoadAzureYaml();

        // Act
        var service = (YamlMappingNode)yaml["services"]["functions"];

        // Assert
        Assert.Equal("./src/Archive.Functions", Scalar(service, "project"));
        Assert.Equal("dotnet", Scalar(service, "language"));
        Assert.Equal("function", Scalar(service, "host"));
        Assert.True(File.Exists(Path.Combine(Root, "src", "Archive.Functions", "Archive.Functions.csproj")));
        Assert.Equal("infra", Scalar((YamlMappingNode)yaml["infra"], "path"));
    }

    [Theory]
    [InlineData("postprovision")]
    [InlineData("postdeploy")]
    public void AzureYaml_Hook_RunsScriptsThatExistForPosixAndWindows(string hook)
    {
        // Arrange
        var hooks = (YamlMappingNode)LoadAzureYaml()["hooks"];

        // Act
        var entry = (YamlMappingNode)hooks[hook];
        var posix = (YamlMappingNode)entry["posix"];
        var windows = (YamlMappingNode)entry["windows"];

        // Assert
        Assert.Equal("sh", Scalar(posix, "shell"));
        Assert.Equal($"./scripts/hooks/{hook}.sh", Scalar(posix, "run"));
        Assert.Equal("pwsh", Scalar(windows, "shell"));
        Assert.Equal($"./scripts/hooks/{hook}.ps1", Scalar(windows, "run"));
        Assert.Equal("false", Scalar(posix, "continueOnError"));
        Assert.True(File.Exists(Path.Combine(Root, "scripts", "hooks", $"{hook}.sh")));
        Assert.True(File.Exists(Path.Combine(Root, "scripts", "hooks", $"{hook}.ps1")));
    }

    [SkippableTheory]
    [InlineData("postprovision.sh")]
    [InlineData("postprovision.ps1")]
    [InlineData("postdeploy.sh")]
    [InlineData("postdeploy.ps1")]
    public void Hook_EnvironmentValues_AreMainOutputsOrAzdValues(string script)
    {
        // Arrange
        var outputs = bicep.Template.Main.Outputs.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var text = File.ReadAllText(Path.Combine(Root, "scripts", "hooks", script));

        // Act
        var used = EnvironmentReference().Matches(text)
            .Select(m => m.Groups["name"].Value)
            .Where(n => n.StartsWith("AZURE_", StringComparison.Ordinal) || n.StartsWith("SERVICE_", StringComparison.Ordinal) ||
                        n.StartsWith("ARCHIVE_", StringComparison.Ordinal) || n.EndsWith("_NAME", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // Assert
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(
            outputs.Contains(name) || AzdProvided.Contains(name) || HookTuning.Contains(name),
            $"{script} reads {name}, which main.bicep does not output"));
    }

    [Theory]
    [InlineData("postdeploy.sh")]
    [InlineData("postdeploy.ps1")]
    public void PostdeployHook_Subscription_SendsBlobCreatedUnderArticlesToIngestArticle(string script)
    {
        // Arrange
        var text = File.ReadAllText(Path.Combine(Root, "scripts", "hooks", script));

        // Act
        var webhook = text.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle&code=", StringComparison.Ordinal);

        // Assert
        Assert.True(webhook, "the webhook must target the IngestArticle blob trigger with the blobs_extension key");
        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", text, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/", text, StringComparison.Ordinal);
        Assert.Contains("--subject-begins-with", text, StringComparison.Ordinal);
        Assert.Contains("--endpoint-type webhook", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BlobDeleted", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postprovision.sh")]
    [InlineData("postprovision.ps1")]
    public void PostprovisionHook_Index_IsEnsuredWithTheArchiveCli(string script)
    {
        // Arrange
        var text = File.ReadAllText(Path.Combine(Root, "scripts", "hooks", script));

        // Act
        var runsCli = text.Contains("--project", StringComparison.Ordinal) && text.Contains("src/Archive.Cli", StringComparison.Ordinal);

        // Assert
        Assert.True(runsCli, "the hook must run src/Archive.Cli");
        Assert.Contains("index ensure --search-endpoint", text, StringComparison.Ordinal);
        Assert.Contains("Search__Credential", text, StringComparison.Ordinal);
        Assert.DoesNotContain("api-key", text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData("postprovision.sh")]
    [InlineData("postdeploy.sh")]
    public void ShellHook_Syntax_IsValidPosixShell(string script)
    {
        // Arrange
        Skip.If(OperatingSystem.IsWindows(), "No POSIX sh on Windows: azd runs the .ps1 hooks there.");
        var path = Path.Combine(Root, "scripts", "hooks", script);
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(path);

        // Act
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        // Assert
        Assert.True(process.ExitCode == 0, errors);
        Assert.StartsWith("#!/bin/sh", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MainParameters_Values_CoverEveryRequiredParameterFromTheAzdEnvironment()
    {
        // Arrange
        var declared = bicep.Template.Main.Template["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "infra", "main.parameters.json")))!;
        var supplied = file["parameters"]!.AsObject();

        // Act
        var required = declared.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key).ToList();

        // Assert
        Assert.All(supplied, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets unknown '{p.Key}'"));
        Assert.All(required, name => Assert.True(supplied.ContainsKey(name), $"required parameter '{name}' is not supplied"));
        Assert.Equal("${AZURE_ENV_NAME}", supplied["environmentName"]?["value"]?.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", supplied["location"]?["value"]?.GetValue<string>());
    }

    private static YamlMappingNode LoadAzureYaml()
    {
        using var reader = new StreamReader(Path.Combine(Root, "azure.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    // $NAME, ${NAME...}, $env:NAME and GetEnvironmentVariable('NAME') / loop lists of names in quotes.
    [GeneratedRegex(@"(?:\$\{?|\$env:|')(?<name>[A-Z][A-Z0-9_]{3,})")]
    private static partial Regex EnvironmentReference();
}

using Archive.Testing;
using YamlDotNet.RepresentationModel;

namespace Archive.Infra.Tests;

/// <summary>
/// The GitHub Actions workflow `azd pipeline config` looks for (.github/workflows/azure-dev.yml): it signs in with the
/// federated credential azd creates and reads the repository variables azd sets.
/// https://learn.microsoft.com/azure/developer/azure-developer-cli/configure-devops-pipeline
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string[] AzdVariables =
        ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "AZURE_ENV_NAME", "AZURE_LOCATION"];

    [Fact]
    public void Workflow_Triggers_ArePushToMainAndManualWithOidcPermissionsOnly()
    {
        // Arrange
        var workflow = Load();

        // Act
        var on = (YamlMappingNode)workflow["on"];
        var permissions = (YamlMappingNode)workflow["permissions"];

        // Assert
        Assert.Equal(["main"], ((YamlSequenceNode)((YamlMappingNode)on["push"])["branches"]).Select(b => ((YamlScalarNode)b).Value));
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        Assert.Equal(
            [("contents", "read"), ("id-token", "write")],
            permissions.Children.Select(p => (((YamlScalarNode)p.Key).Value, ((YamlScalarNode)p.Value).Value)).Order());
    }

    [Fact]
    public void Workflow_Environment_ComesFromTheRepositoryVariablesAzdSets()
    {
        // Arrange
        var job = SingleJob(Load());

        // Act
        var env = (YamlMappingNode)job["env"];

        // Assert
        Assert.Equal(AzdVariables.Order(StringComparer.Ordinal), env.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        Assert.All(AzdVariables, name => Assert.Equal($"${{{{ vars.{name} }}}}", ((YamlScalarNode)env[name]).Value));
    }

    [Fact]
    public void Workflow_Steps_TestThenSignInWithTheFederatedCredentialThenProvisionAndDeploy()
    {
        // Arrange
        var steps = ((YamlSequenceNode)SingleJob(Load())["steps"]).Cast<YamlMappingNode>().ToList();

        // Act
        string? Field(YamlMappingNode step, string key) =>
            step.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
        var uses = steps.Select(s => Field(s, "uses")).ToList();
        var runs = steps.Select(s => Field(s, "run")?.Trim()).ToList();
        int Index(Func<int, bool> match) => Enumerable.Range(0, steps.Count).Single(match);

        var checkout = Index(i => uses[i]?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        var dotnet = Index(i => uses[i]?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        var node = Index(i => uses[i]?.StartsWith("actions/setup-node@", StringComparison.Ordinal) == true);
        var test = Index(i => runs[i] == "./test.sh");
        var azd = Index(i => uses[i]?.StartsWith("Azure/setup-azd@", StringComparison.Ordinal) == true);
        var login = Index(i => runs[i]?.StartsWith("azd auth login", StringComparison.Ordinal) == true);
        var provision = Index(i => runs[i] == "azd provision --no-prompt");
        var deploy = Index(i => runs[i] == "azd deploy --no-prompt");

        // Assert
        Assert.Equal([checkout, dotnet, node, test, azd, login, provision, deploy], new[] { checkout, dotnet, node, test, azd, login, provision, deploy }.Order());
        Assert.StartsWith("10.", ((YamlScalarNode)((YamlMappingNode)steps[dotnet]["with"])["dotnet-version"]).Value, StringComparison.Ordinal);
        Assert.Equal("20", ((YamlScalarNode)((YamlMappingNode)steps[node]["with"])["node-version"]).Value);
        Assert.Contains("--client-id \"$AZURE_CLIENT_ID\"", runs[login], StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", runs[login], StringComparison.Ordinal);
        Assert.Contains("--tenant-id \"$AZURE_TENANT_ID\"", runs[login], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "test.sh")));
    }

    [Fact]
    public void Workflow_Text_HoldsNoSecret()
    {
        // Arrange
        var text = File.ReadAllText(WorkflowPath);

        // Act
        var secrets = text.Contains("secrets.", StringComparison.Ordinal) || text.Contains("client-secret", StringComparison.OrdinalIgnoreCase);

        // Assert: federated credentials only.
        Assert.False(secrets);
    }

    private static string WorkflowPath => Path.Combine(RepositoryPaths.Root, ".github", "workflows", "azure-dev.yml");

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(WorkflowPath);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode SingleJob(YamlMappingNode workflow) =>
        (YamlMappingNode)((YamlMappingNode)workflow["jobs"]).Children.Single().Value;
}

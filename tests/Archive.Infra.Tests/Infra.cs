using System.Text.Json.Nodes;

namespace Archive.Infra.Tests;

/// <summary>The resources of the compiled template the tests talk about, and how expressions refer to them.</summary>
public sealed class Infra(ArmTemplate template)
{
    public const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string QueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    public const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string SearchIndexDataContributor = "8ebe5a00-799e-43f5-93ac-243d3dce84a7";
    public const string SearchServiceContributor = "7ca78c08-252a-4471-8644-bb5ff32d4ba0";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public ArmTemplate Template { get; } = template;

    public ArmResource StorageAccount => Template.Single("Microsoft.Storage/storageAccounts");

    public ArmResource SearchService => Template.Single("Microsoft.Search/searchServices");

    public ArmResource ApplicationInsights => Template.Single("Microsoft.Insights/components");

    public ArmResource LogAnalytics => Template.Single("Microsoft.OperationalInsights/workspaces");

    public ArmResource Plan => Template.Single("Microsoft.Web/serverfarms");

    public ArmResource FunctionApp => Template.Single("Microsoft.Web/sites");

    public ArmResource SystemTopic => Template.Single("Microsoft.EventGrid/systemTopics");

    public ArmResource AppIdentity => Identity("id-func-");

    public ArmResource EventDeliveryIdentity => Identity("id-evgt-");

    public IReadOnlyList<ArmResource> RoleAssignments => Template.OfType("Microsoft.Authorization/roleAssignments");

    /// <summary>The app settings of the function app, resolved.</summary>
    public IReadOnlyDictionary<string, string> AppSettings
    {
        get
        {
            var config = Template.OfType("Microsoft.Web/sites/config").Single(c => c.Name.Contains("'appsettings'", StringComparison.Ordinal));
            var properties = config.Node("properties") as JsonObject ?? throw new InvalidOperationException("appsettings has no properties.");
            return properties.ToDictionary(
                p => p.Key,
                p => config.Deployment.Resolve(p.Value?.GetValue<string>() ?? ""),
                StringComparer.Ordinal);
        }
    }

    /// <summary>The expression (without brackets) of a resolved string: <c>[x]</c> → <c>x</c>, literal → quoted.</summary>
    public static string Inner(string resolved) =>
        resolved.Length >= 2 && resolved[0] == '[' && resolved[^1] == ']'
            ? resolved[1..^1]
            : "'" + resolved.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary><c>resourceId('type', name)</c> of a top-level resource of a module, as resolved expressions write it.</summary>
    public static string ResourceId(ArmResource resource) => $"resourceId('{resource.Type}', {Inner(resource.Name)})";

    /// <summary><c>resourceId(...)</c> of the queue <paramref name="queueName"/> of the storage account.</summary>
    public string QueueId(string queueName) =>
        $"resourceId('Microsoft.Storage/storageAccounts/queueServices/queues', {Inner(StorageAccount.Name)}, 'default', '{queueName}')";

    /// <summary>The principal id of a user-assigned identity, as resolved expressions write it.</summary>
    public static string PrincipalIdOf(ArmResource identity) =>
        $"[reference({ResourceId(identity)}, '{identity.Json["apiVersion"]}').principalId]";

    /// <summary>The client id of a user-assigned identity, as resolved expressions write it.</summary>
    public static string ClientIdOf(ArmResource identity) =>
        $"[reference({ResourceId(identity)}, '{identity.Json["apiVersion"]}').clientId]";

    /// <summary>A property of a resource read at deployment time (<c>reference(id, api).path</c>).</summary>
    public static string ReferenceTo(ArmResource resource, string path) =>
        $"reference({ResourceId(resource)}, '{resource.Json["apiVersion"]}').{path}";

    /// <summary>The principal the deployer (azd up) signs in as: main.bicep's principalId parameter.</summary>
    public const string DeployerPrincipalId = "[deployer().objectId]";

    private ArmResource Identity(string prefix) =>
        Template.OfType("Microsoft.ManagedIdentity/userAssignedIdentities")
            .Single(i => i.Name.Contains($"'{prefix}", StringComparison.Ordinal));
}

using System.Text.Json.Nodes;

namespace Archive.Infra.Tests;

/// <summary>
/// A compiled ARM template with every nested deployment (one per Bicep module) walked: all resources of all levels,
/// each able to resolve its expressions back through the parameters its parent passed.
/// </summary>
public sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root)
    {
        Root = root;
        var deployments = new List<ArmDeployment>();
        var resources = new List<ArmResource>();
        Main = new ArmDeployment("main", root, passedParameters: null, parent: null);
        Walk(Main, deployments, resources);
        Deployments = deployments;
        Resources = resources;
    }

    /// <summary>The template as compiled.</summary>
    public JsonObject Root { get; }

    /// <summary>The top-level deployment (main.bicep).</summary>
    public ArmDeployment Main { get; }

    /// <summary>The main deployment and every nested one, depth first.</summary>
    public IReadOnlyList<ArmDeployment> Deployments { get; }

    /// <summary>Every resource of every level, nested deployment resources included.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("The template is not a JSON object.", nameof(json)));

    /// <summary>All resources of <paramref name="type"/> (case-insensitive), at any level.</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The only resource of <paramref name="type"/>.</summary>
    public ArmResource Single(string type)
    {
        var matches = OfType(type);
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    /// <summary>The nested deployment named <paramref name="name"/> (a Bicep module's deployment name).</summary>
    public ArmDeployment Deployment(string name) =>
        Deployments.SingleOrDefault(d => d.Name == name)
        ?? throw new InvalidOperationException($"No deployment named '{name}'.");

    private static void Walk(ArmDeployment deployment, List<ArmDeployment> deployments, List<ArmResource> resources)
    {
        deployments.Add(deployment);
        foreach (var json in ResourceObjects(deployment.Template))
        {
            var resource = new ArmResource(json, deployment);
            resources.Add(resource);
            if (resource.Type == "Microsoft.Resources/deployments" &&
                json["properties"]?["template"] is JsonObject nestedTemplate)
            {
                var child = new ArmDeployment(
                    json["name"]?.GetValue<string>() ?? "",
                    nestedTemplate,
                    json["properties"]?["parameters"] as JsonObject,
                    deployment);
                deployment.AddChild(child);
                Walk(child, deployments, resources);
            }
        }
    }

    // languageVersion 1.0 templates list resources in an array; 2.0 (symbolic names) in an object.
    private static IEnumerable<JsonObject> ResourceObjects(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
}

/// <summary>One resource of the compiled template and the deployment it belongs to.</summary>
public sealed class ArmResource(JsonObject json, ArmDeployment deployment)
{
    public JsonObject Json { get; } = json;

    public ArmDeployment Deployment { get; } = deployment;

    public string Type => Json["type"]?.GetValue<string>() ?? "";

    /// <summary>The resource name, resolved through variables and the parameters passed down.</summary>
    public string Name => Deployment.Resolve(Json["name"]?.GetValue<string>() ?? "");

    /// <summary>The value at a dotted path (e.g. <c>properties.siteConfig.minTlsVersion</c>), unresolved.</summary>
    public JsonNode? Node(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    /// <summary>The string at <paramref name="path"/>, resolved; null when absent or not a string.</summary>
    public string? String(string path) =>
        Node(path) is JsonValue value && value.TryGetValue<string>(out var text) ? Deployment.Resolve(text) : null;

    /// <summary>
    /// The boolean at <paramref name="path"/>: a literal, or a boolean parameter or variable resolved through the
    /// deployment levels (so <c>[parameters('x')]</c> fed a literal false counts as false).
    /// </summary>
    public bool? Bool(string path) =>
        Node(path) switch
        {
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            JsonValue value when value.TryGetValue<string>(out var text) => Deployment.Resolve(text) switch
            {
                "[true()]" or "[true]" => true,
                "[false()]" or "[false]" => false,
                _ => null,
            },
            _ => null,
        };

    public override string ToString() => $"{Type} {Json["name"]} in {Deployment.Name}";
}

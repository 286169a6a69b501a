namespace Archive.Infra.Tests;

/// <summary>The walker and resolver the infrastructure assertions stand on, on a small hand-written template.</summary>
public sealed class ArmTemplateTests
{
    private const string Template = """
        {
          "parameters": { "env": { "type": "string" }, "size": { "type": "int", "defaultValue": 2048 } },
          "variables": { "token": "[uniqueString(parameters('env'))]", "roleId": "b7e6dc6d", "queue": "article-deletions" },
          "resources": [
            {
              "type": "Microsoft.Resources/deployments",
              "name": "identity",
              "properties": {
                "parameters": { "name": { "value": "[format('id-{0}', variables('token'))]" } },
                "template": {
                  "parameters": { "name": { "type": "string" } },
                  "resources": [ { "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "name": "[parameters('name')]" } ],
                  "outputs": { "principalId": { "type": "string", "value": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2024-11-30').principalId]" } }
                }
              }
            },
            {
              "type": "Microsoft.Resources/deployments",
              "name": "rbac",
              "properties": {
                "parameters": {
                  "principalId": { "value": "[reference(resourceId('Microsoft.Resources/deployments', 'identity'), '2025-04-01').outputs.principalId.value]" },
                  "queue": { "value": "[variables('queue')]" },
                  "memory": { "value": "[parameters('size')]" }
                },
                "template": {
                  "parameters": { "principalId": { "type": "string" }, "queue": { "type": "string" }, "memory": { "type": "int" } },
                  "variables": { "roleId": "8ebe5a00" },
                  "resources": [
                    {
                      "type": "Microsoft.Authorization/roleAssignments",
                      "name": "[guid(parameters('principalId'), variables('roleId'))]",
                      "properties": { "principalId": "[parameters('principalId')]", "queue": "[format('/containers/{0}/', parameters('queue'))]", "memory": "[parameters('memory')]" }
                    }
                  ]
                }
              }
            }
          ]
        }
        """;

    [Fact]
    public void Parse_NestedDeployments_CollectsResourcesOfEveryLevel()
    {
        // Arrange / Act
        var template = ArmTemplate.Parse(Template);

        // Assert
        Assert.Equal(["main", "identity", "rbac"], template.Deployments.Select(d => d.Name));
        Assert.Equal(4, template.Resources.Count);
        Assert.Equal("identity", template.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Deployment.Name);
    }

    [Fact]
    public void Resolve_ParameterPassedFromParent_IsReplacedByTheParentsResolvedValue()
    {
        // Arrange
        var identity = ArmTemplate.Parse(Template).Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        // Act
        var name = identity.Name;

        // Assert
        Assert.Equal("[format('id-{0}', uniqueString(parameters('env')))]", name);
    }

    [Fact]
    public void Resolve_ModuleOutputReadByTheParent_IsReplacedByTheOutputExpression()
    {
        // Arrange
        var assignment = ArmTemplate.Parse(Template).Single("Microsoft.Authorization/roleAssignments");

        // Act
        var principal = assignment.String("properties.principalId");

        // Assert
        Assert.Equal(
            "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-{0}', uniqueString(parameters('env')))), '2024-11-30').principalId]",
            principal);
    }

    [Fact]
    public void Resolve_VariablesOfEachLevel_AreTakenFromThatLevel()
    {
        // Arrange
        var assignment = ArmTemplate.Parse(Template).Single("Microsoft.Authorization/roleAssignments");

        // Act
        var name = assignment.Name;

        // Assert: the module's roleId, not main's.
        Assert.EndsWith(", '8ebe5a00')]", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FormatOfLiteralsAndDefaults_FoldsToPlainValues()
    {
        // Arrange
        var assignment = ArmTemplate.Parse(Template).Single("Microsoft.Authorization/roleAssignments");

        // Act
        var queue = assignment.String("properties.queue");
        var memory = assignment.String("properties.memory");

        // Assert
        Assert.Equal("/containers/article-deletions/", queue);
        Assert.Equal("[2048]", memory);
    }
}

namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class RoleAssignmentTests(BicepFixture bicep)
{
    public enum Principals
    {
        App,
        EventDelivery,
        Deployer,
    }

    public enum Scopes
    {
        StorageAccount,
        DeletionsQueue,
        DeadLetterContainer,
        SearchService,
        ApplicationInsights,
    }

    /// <summary>Every assignment the deployment must make: who, which role, on what.</summary>
    public static TheoryData<Principals, string, Scopes> Expected => new()
    {
        { Principals.App, Infra.BlobDataOwner, Scopes.StorageAccount },
        { Principals.App, Infra.QueueDataContributor, Scopes.StorageAccount },
        { Principals.App, Infra.TableDataContributor, Scopes.StorageAccount },
        { Principals.App, Infra.SearchIndexDataContributor, Scopes.SearchService },
        { Principals.App, Infra.MonitoringMetricsPublisher, Scopes.ApplicationInsights },
        { Principals.EventDelivery, Infra.QueueDataMessageSender, Scopes.DeletionsQueue },
        { Principals.EventDelivery, Infra.BlobDataContributor, Scopes.DeadLetterContainer },
        { Principals.Deployer, Infra.SearchServiceContributor, Scopes.SearchService },
        { Principals.Deployer, Infra.SearchIndexDataContributor, Scopes.SearchService },
        { Principals.Deployer, Infra.BlobDataOwner, Scopes.StorageAccount },
        { Principals.Deployer, Infra.QueueDataContributor, Scopes.StorageAccount },
    };

    [SkippableTheory]
    [MemberData(nameof(Expected))]
    public void RoleAssignment_ExpectedGrant_ExistsOnceWithThatPrincipalAndScope(Principals principal, string roleId, Scopes scope)
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var matches = infra.RoleAssignments.Where(a => Describe(infra, a) == (principal, roleId, scope)).ToList();

        // Assert
        var assignment = Assert.Single(matches);
        Assert.Equal(
            $"[guid({Infra.Inner(ScopeId(infra, scope))}, {Infra.Inner(PrincipalId(infra, principal))}, '{roleId}')]",
            assignment.Name);
        if (principal != Principals.Deployer)
        {
            Assert.Equal("ServicePrincipal", assignment.String("properties.principalType"));
        }
    }

    [SkippableFact]
    public void RoleAssignments_All_AreExactlyTheExpectedOnes()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var expected = Expected.Select(row => ((Principals)row[0], (string)row[1], (Scopes)row[2])).ToHashSet();

        // Act
        var actual = infra.RoleAssignments.Select(a => Describe(infra, a)).ToList();

        // Assert: no unknown principal or scope, no extra role (the app never manages the search service).
        Assert.All(actual, a => Assert.Contains(a, expected));
        Assert.Equal(expected.Count, actual.Count);
        Assert.DoesNotContain((Principals.App, Infra.SearchServiceContributor, Scopes.SearchService), actual);
    }

    [SkippableFact]
    public void RoleAssignments_Deployer_AreSkippedWhenNoPrincipalIsGiven()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var deployer = infra.RoleAssignments.Where(a => Describe(infra, a).Principal == Principals.Deployer).ToList();
        var others = infra.RoleAssignments.Except(deployer).ToList();

        // Assert
        Assert.NotEmpty(deployer);
        Assert.All(deployer, a => Assert.Equal("[not(empty(deployer().objectId))]", a.String("condition")));
        Assert.All(others, a => Assert.Null(a.Json["condition"]));
    }

    private static (Principals Principal, string RoleId, Scopes Scope) Describe(Infra infra, ArmResource assignment)
    {
        var principalId = assignment.String("properties.principalId");
        var principal = Enum.GetValues<Principals>().SingleOrDefault(p => PrincipalId(infra, p) == principalId, (Principals)(-1));
        var scopeId = assignment.String("scope");
        var scope = Enum.GetValues<Scopes>().SingleOrDefault(s => ScopeId(infra, s) == scopeId, (Scopes)(-1));
        var roleDefinition = assignment.String("properties.roleDefinitionId") ?? "";
        const string prefix = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '";
        var roleId = roleDefinition.StartsWith(prefix, StringComparison.Ordinal) ? roleDefinition[prefix.Length..^3] : roleDefinition;
        Assert.True((int)principal >= 0, $"{assignment}: unknown principal {principalId}");
        Assert.True((int)scope >= 0, $"{assignment}: unknown scope {scopeId}");
        return (principal, roleId, scope);
    }

    private static string PrincipalId(Infra infra, Principals principal) => principal switch
    {
        Principals.App => Infra.PrincipalIdOf(infra.AppIdentity),
        Principals.EventDelivery => Infra.PrincipalIdOf(infra.EventDeliveryIdentity),
        _ => Infra.DeployerPrincipalId,
    };

    private static string ScopeId(Infra infra, Scopes scope) => scope switch
    {
        Scopes.StorageAccount => $"[{Infra.ResourceId(infra.StorageAccount)}]",
        Scopes.DeletionsQueue => $"[{infra.QueueId("article-deletions")}]",
        Scopes.DeadLetterContainer => $"[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', {Infra.Inner(infra.StorageAccount.Name)}, 'default', 'event-deadletters')]",
        Scopes.SearchService => $"[{Infra.ResourceId(infra.SearchService)}]",
        _ => $"[{Infra.ResourceId(infra.ApplicationInsights)}]",
    };
}

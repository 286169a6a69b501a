using System.Text.Json.Nodes;
using Archive.Testing;

namespace Archive.Infra.Tests;

/// <summary>Undelivered events are kept, retries are spaced out, invocations are bounded.</summary>
[Collection(BicepCollection.Name)]
public sealed class RecoveryTests(BicepFixture bicep)
{
    [SkippableFact]
    public void BlobDeletedSubscription_DeadLetters_GoToTheDeadLetterContainerWithTheDeliveryIdentity()
    {
        // Arrange: learn.microsoft.com/azure/event-grid/manage-event-delivery (dead-letter with a managed identity).
        var infra = new Infra(bicep.Template);
        var subscription = Assert.Single(infra.Template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));

        // Act
        var deadLetter = subscription.Node("properties.deadLetterWithResourceIdentity");
        var containers = infra.Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.Name).ToList();

        // Assert
        Assert.NotNull(deadLetter);
        Assert.Equal("StorageBlob", subscription.String("properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType"));
        Assert.Equal("event-deadletters", subscription.Deployment.Resolve(subscription.String("properties.deadLetterWithResourceIdentity.deadLetterDestination.properties.blobContainerName") ?? ""));
        Assert.Equal("UserAssigned", subscription.String("properties.deadLetterWithResourceIdentity.identity.type"));
        Assert.Contains(containers, c => c.EndsWith("'default', 'event-deadletters')]", StringComparison.Ordinal));
    }

    [Fact]
    public void HostJson_RetriesAreSpacedAndInvocationsBounded()
    {
        // Arrange: functionTimeout (Flex Consumption: default 30 min), queues.visibilityTimeout = the wait between
        // retries of a failed message, maxDequeueCount = the tries before the poison queue (host.json reference).
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!;

        // Act
        var timeout = TimeSpan.Parse(host["functionTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var visibility = TimeSpan.Parse(host["extensions"]!["queues"]!["visibilityTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var tries = host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>();

        // Assert: a search outage of several minutes does not poison what is in flight.
        Assert.InRange(timeout, TimeSpan.FromMinutes(21), TimeSpan.FromMinutes(30));
        Assert.True((tries - 1) * visibility >= TimeSpan.FromMinutes(5), $"retries span only {(tries - 1) * visibility}");
    }
}

/// <summary>The originals survive overwrites and deletes; the rejection reports expire.</summary>
[Collection(BicepCollection.Name)]
public sealed class DataProtectionTests(BicepFixture bicep)
{
    [SkippableFact]
    public void BlobService_KeepsVersionsAndSoftDeletes()
    {
        var service = bicep.Template.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.Equal(true, service.Node("properties.isVersioningEnabled")?.GetValue<bool>());
        Assert.Equal(true, service.Node("properties.deleteRetentionPolicy.enabled")?.GetValue<bool>());
        Assert.Equal(true, service.Node("properties.containerDeleteRetentionPolicy.enabled")?.GetValue<bool>());
    }

    [SkippableFact]
    public void Lifecycle_ExpiresOnlyRejectionReportsAndOldVersions()
    {
        var policy = bicep.Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rules = policy.Node("properties.policy.rules")!.AsArray();

        var reports = rules.Single(r => r!["name"]!.GetValue<string>() == "expire-rejection-reports")!;
        var versions = rules.Single(r => r!["name"]!.GetValue<string>() == "expire-old-article-versions")!;

        Assert.Equal(2, rules.Count);
        Assert.Equal("articles-rejected/", policy.Deployment.Resolve(reports["definition"]!["filters"]!["prefixMatch"]![0]!.GetValue<string>()));
        Assert.NotNull(reports["definition"]!["actions"]!["baseBlob"]!["delete"]);
        Assert.Null(versions["definition"]!["actions"]!["baseBlob"]);
        Assert.NotNull(versions["definition"]!["actions"]!["version"]!["delete"]);
    }
}

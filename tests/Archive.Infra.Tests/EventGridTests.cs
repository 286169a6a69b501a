using System.Text.Json.Nodes;

namespace Archive.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class EventGridTests(BicepFixture bicep)
{
    [SkippableFact]
    public void SystemTopic_Source_IsTheStorageAccountWithTheDeliveryIdentity()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var topic = infra.SystemTopic;
        var identities = topic.Node("identity.userAssignedIdentities") as JsonObject;

        // Assert
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.String("properties.topicType"));
        Assert.Equal($"[{Infra.ResourceId(infra.StorageAccount)}]", topic.String("properties.source"));
        Assert.Equal("UserAssigned", topic.String("identity.type"));
        Assert.NotNull(identities);
        Assert.Equal(
            $"[format('{{0}}', {Infra.ResourceId(infra.EventDeliveryIdentity)})]",
            topic.Deployment.Resolve(Assert.Single(identities).Key));
    }

    [SkippableFact]
    public void BlobDeletedSubscription_Filter_IsDeletionsUnderTheArticlesContainerOnly()
    {
        // Arrange
        var infra = new Infra(bicep.Template);

        // Act
        var subscription = Assert.Single(infra.Template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var types = subscription.Node("properties.filter.includedEventTypes") as JsonArray;

        // Assert
        Assert.NotNull(types);
        Assert.Equal(["Microsoft.Storage.BlobDeleted"], types.Select(t => t!.GetValue<string>()));
        Assert.Equal("/blobServices/default/containers/articles/", subscription.String("properties.filter.subjectBeginsWith"));
        Assert.Equal("EventGridSchema", subscription.String("properties.eventDeliverySchema"));
    }

    [SkippableFact]
    public void BlobDeletedSubscription_Destination_IsTheDeletionsQueueThroughTheDeliveryIdentity()
    {
        // Arrange
        var infra = new Infra(bicep.Template);
        var subscription = Assert.Single(infra.Template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        const string delivery = "properties.deliveryWithResourceIdentity";

        // Act
        var destination = subscription.Node($"{delivery}.destination");

        // Assert: shared keys are off, so the key-based "destination" would fail; only identity delivery works.
        Assert.Null(subscription.Node("properties.destination"));
        Assert.NotNull(destination);
        Assert.Equal("UserAssigned", subscription.String($"{delivery}.identity.type"));
        Assert.Equal($"[{Infra.ResourceId(infra.EventDeliveryIdentity)}]", subscription.String($"{delivery}.identity.userAssignedIdentity"));
        Assert.Equal("StorageQueue", subscription.String($"{delivery}.destination.endpointType"));
        Assert.Equal($"[{Infra.ResourceId(infra.StorageAccount)}]", subscription.String($"{delivery}.destination.properties.resourceId"));
        Assert.Equal("article-deletions", subscription.String($"{delivery}.destination.properties.queueName"));
    }

    [SkippableFact]
    public void EventGridDeployment_Order_FollowsTheRoleAssignments()
    {
        // Arrange: Event Grid validates that its identity may send to the queue when the subscription is created.
        var template = bicep.Template;

        // Act
        var eventGrid = template.Main.Template["resources"]!.AsArray()
            .Single(r => r?["name"]?.GetValue<string>() == "eventgrid");
        var dependsOn = eventGrid?["dependsOn"]?.AsArray().Select(d => d!.GetValue<string>()).ToList() ?? [];

        // Assert
        Assert.Contains(dependsOn, d => d.Contains("'Microsoft.Resources/deployments', 'rbac')", StringComparison.Ordinal));
    }
}

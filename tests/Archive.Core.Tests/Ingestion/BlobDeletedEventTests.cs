using System.Text;
using Archive.Core.Ingestion;

namespace Archive.Core.Tests.Ingestion;

public sealed class BlobDeletedEventTests
{
    internal static string EventGridEvent(string container, string name, string type = BlobDeletedEvent.EventType) =>
        "{\"topic\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct\"," +
        "\"subject\":\"/blobServices/default/containers/" + container + "/blobs/" + name + "\"," +
        "\"eventType\":\"" + type + "\",\"id\":\"" + Guid.NewGuid() + "\",\"eventTime\":\"2026-11-27T10:00:00Z\",\"dataVersion\":\"\",\"metadataVersion\":\"1\"," +
        "\"data\":{\"api\":\"DeleteBlob\",\"blobType\":\"BlockBlob\",\"url\":\"https://acct.blob.core.windows.net/" + container + "/" + Uri.EscapeDataString(name) + "\"}}";

    [Fact]
    public void Parse_EventGridSchema_ReturnsContainerAndNestedPath()
    {
        // Act
        var events = BlobDeletedEvent.Parse(EventGridEvent("articles", "2024/05/a b.html"), out var ignored);

        // Assert
        Assert.Empty(ignored);
        Assert.Equal(new BlobDeletedEvent("articles", "2024/05/a b.html"), Assert.Single(events));
    }

    [Fact]
    public void Parse_CloudEventsSchema_ReturnsBlob()
    {
        var json = """{"specversion":"1.0","type":"Microsoft.Storage.BlobDeleted","source":"/subscriptions/s","subject":"/blobServices/default/containers/articles/blobs/x.txt","id":"1","data":{}}""";

        var events = BlobDeletedEvent.Parse(json, out _);

        Assert.Equal(new BlobDeletedEvent("articles", "x.txt"), Assert.Single(events));
    }

    [Fact]
    public void Parse_Base64ArrayOfEvents_ReturnsOnlyDeletions()
    {
        // Arrange
        var json = "[" + EventGridEvent("articles", "a.txt") + "," + EventGridEvent("articles", "b.txt", "Microsoft.Storage.BlobCreated") + "]";
        var message = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

        // Act
        var events = BlobDeletedEvent.Parse(message, out var ignored);

        // Assert
        Assert.Equal(new BlobDeletedEvent("articles", "a.txt"), Assert.Single(events));
        Assert.Contains("Microsoft.Storage.BlobCreated", Assert.Single(ignored), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoSubject_FallsBackToDataUrl()
    {
        var json = """{"eventType":"Microsoft.Storage.BlobDeleted","data":{"url":"http://127.0.0.1:10000/devstoreaccount1/articles/dir/a%20b.txt"}}""";

        var events = BlobDeletedEvent.Parse(json, out _);

        Assert.Equal(new BlobDeletedEvent("articles", "dir/a b.txt"), Assert.Single(events));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"eventType\": ")]
    [InlineData("[1, 2]")]
    public void Parse_NotAnEvent_ThrowsFormatException(string message)
    {
        Assert.Throws<FormatException>(() => BlobDeletedEvent.Parse(message, out _));
    }
}

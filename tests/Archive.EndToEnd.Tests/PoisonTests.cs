using System.Text;
using System.Text.Json;
using Archive.Testing;

namespace Archive.EndToEnd.Tests;

/// <summary>A transient failure that outlasts the retries ends in the poison queue; nothing is lost.</summary>
[Collection(ArchiveStackCollection.Name)]
public sealed class PoisonTests(ArchiveStackFixture stack)
{
    [Fact]
    public async Task Upload_WhileSearchIsDown_RetriesThenPoisonsAndKeepsOriginal()
    {
        // Arrange: search is unreachable for longer than the blob trigger's five attempts.
        const string name = "outage/while-search-down.txt";
        var content = Encoding.UTF8.GetBytes("Title: Ferry timetable changes\nDate: 2023-04-04\n\nThe winter ferry timetable starts on Monday with two fewer crossings.");
        await stack.Search.StopAsync();
        try
        {
            // Act
            await stack.UploadAsync(name, content);

            // Assert
            var message = await Poll.UntilAsync(
                async () =>
                {
                    if (!await stack.Poison.ExistsAsync())
                    {
                        return null;
                    }

                    foreach (var m in (await stack.Poison.PeekMessagesAsync(32)).Value)
                    {
                        if (m.Body.ToString().Contains(name, StringComparison.Ordinal))
                        {
                            return m.Body.ToString();
                        }
                    }

                    return null;
                },
                TimeSpan.FromSeconds(150),
                "a poison message for " + name + "\n" + stack.Host.Output);
            using var poison = JsonDocument.Parse(message);
            Assert.Equal("Host.Functions.IngestArticle", poison.RootElement.GetProperty("FunctionId").GetString());
            Assert.Equal(ArchiveStackFixture.ArticlesContainer, poison.RootElement.GetProperty("ContainerName").GetString());
            Assert.False(await stack.Rejected.GetBlobClient(name + ".error.json").ExistsAsync());
        }
        finally
        {
            await stack.Search.StartAgainAsync();
        }

        Assert.Equal(content, (await stack.Articles.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray());
        var health = await stack.GetUntilFoundAsync("api/health", TimeSpan.FromSeconds(30));
        Assert.True(health.GetProperty("search").GetProperty("ok").GetBoolean());
    }
}

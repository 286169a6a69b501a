using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;

namespace Archive.DevHost.Tests;

/// <summary>The dev host running the test worker against Azurite: HTTP, blob, Event Grid, queue and timer triggers.</summary>
[Collection(DevHostCollection.Name)]
public sealed class DevHostTests(DevHostFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task HttpGet_RouteAndQuery_ReturnsWorkerResponse()
    {
        // Act
        using var response = await fixture.Client.GetAsync(new Uri("api/echo/abc-42?q=hello%20world", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("abc-42", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("hello world", body.RootElement.GetProperty("q").GetString());
        Assert.Equal("GET", body.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public async Task HttpPost_AllowedMethodWithBody_ReachesWorker()
    {
        // Act
        using var content = new StringContent("{\"x\":1}", Encoding.UTF8, "application/json");
        using var response = await fixture.Client.PostAsync(new Uri("api/echo/p1", UriKind.Relative), content);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("POST", body.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public async Task HttpGet_FunctionThrows_Returns500()
    {
        // Arrange
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        using var response = await fixture.Client.GetAsync(new Uri("api/boom", UriKind.Relative));

        // Assert: 500 as from the Functions host (the worker's own server answers 200 with an empty body), without
        // waiting for the worker's 15 s pairing timeout (generous bound: this machine is shared and busy).
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(12), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task TimerRunOnStartup_HostStarted_FunctionRanOnce()
    {
        // Assert: the fixture's dev host ran StartupTick when it started.
        await Poll.UntilAsync(async () => await CountMarkersAsync("timer-startup/") >= 1, Deadline, "a markers/timer-startup/ blob");
    }

    [Theory]
    [InlineData("GET", "api/nothing-here")]
    [InlineData("GET", "echo/abc")]
    [InlineData("DELETE", "api/echo/abc")]
    public async Task Http_UnknownRouteOrMethod_Returns404(string method, string path)
    {
        // Act
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BlobUpload_NewBlob_FunctionRunsThroughListener()
    {
        // Arrange
        var name = $"ok-{Guid.NewGuid():N}.txt";

        // Act
        await fixture.Container("samples").UploadBlobAsync(name, BinaryData.FromString("hello from a blob"));

        // Assert
        var marker = await Poll.UntilAsync(() => ReadMarkerAsync($"blob/{name}"), Deadline, $"markers/blob/{name}");
        Assert.Equal("hello from a blob", marker);
    }

    [Fact]
    public async Task BlobUpload_FailingBlob_EndsInPoisonQueueAfterThresholdAttempts()
    {
        // Arrange
        var name = $"bad-{Guid.NewGuid():N}.txt";
        var poison = fixture.Queue("webjobs-blobtrigger-poison");

        // Act
        await fixture.Container("samples").UploadBlobAsync(name, BinaryData.FromString("this one must FAIL"));

        // Assert: the SDK moved it to the poison queue after host.json's poisonBlobThreshold (3) attempts.
        var message = await Poll.UntilAsync(
            async () =>
            {
                if (!(await poison.ExistsAsync()).Value)
                {
                    return null;
                }

                var peeked = await poison.PeekMessagesAsync(32);
                return peeked.Value.Select(m => m.Body.ToString()).FirstOrDefault(b => b.Contains(name, StringComparison.Ordinal));
            },
            Deadline,
            $"a poison message for {name}");
        using var doc = JsonDocument.Parse(message);
        Assert.Equal("Host.Functions.SampleBlob", doc.RootElement.GetProperty("FunctionId").GetString());
        Assert.Equal("samples", doc.RootElement.GetProperty("ContainerName").GetString());
        var attempts = await CountMarkersAsync($"attempts/{name}/");
        Assert.Equal(3, attempts);
        Assert.False(await MarkerExistsAsync($"blob/{name}"));
    }

    [Fact]
    public async Task EventGridBlobCreated_PostedEvent_InvokesFunctionDirectly()
    {
        // Arrange
        var name = $"eg-{Guid.NewGuid():N}.txt";
        var blob = fixture.Container("samples").GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString("sent by event grid"));
        var events = new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(),
                eventType = "Microsoft.Storage.BlobCreated",
                subject = $"/blobServices/default/containers/samples/blobs/{name}",
                eventTime = DateTimeOffset.UtcNow,
                dataVersion = "",
                data = new { api = "PutBlob", url = blob.Uri.ToString(), blobType = "BlockBlob" },
            },
        };

        // Act
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("runtime/webhooks/blobs?functionName=Host.Functions.SampleBlob", UriKind.Relative), events);

        // Assert: this invocation (by its id) ran, whatever the listener does with the same blob.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var invocationId = Assert.Single(body.RootElement.GetProperty("invocations").EnumerateArray()).GetString();
        Assert.True(await MarkerExistsAsync($"attempts/{name}/{invocationId}"), "the function did not record the webhook's invocation");
    }

    [Fact]
    public async Task EventGridValidation_Handshake_EchoesValidationCode()
    {
        // Arrange
        var events = new[] { new { id = "1", eventType = "Microsoft.EventGrid.SubscriptionValidationEvent", data = new { validationCode = "code-123" } } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("runtime/webhooks/blobs?functionName=Host.Functions.SampleBlob", UriKind.Relative))
        {
            Content = JsonContent.Create(events),
        };
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        // Act
        using var response = await fixture.Client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("code-123", body.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task EventGrid_UnknownFunction_Returns404()
    {
        // Act
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("runtime/webhooks/blobs?functionName=Host.Functions.Nope", UriKind.Relative), Array.Empty<object>());

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task QueueMessage_Enqueued_FunctionRunsWithDequeueCount()
    {
        // Arrange
        var item = $"item-{Guid.NewGuid():N}";
        var queue = fixture.PlainQueue("work-items");
        await queue.CreateIfNotExistsAsync();

        // Act
        await queue.SendMessageAsync(item);

        // Assert: the function bound the message text and the DequeueCount metadata.
        var marker = await Poll.UntilAsync(() => ReadMarkerAsync($"queue/{item}"), Deadline, $"markers/queue/{item}");
        Assert.Equal("1", marker);
    }

    [Fact]
    public async Task QueueMessage_SdkTypeParameter_ReceivesIdAndDequeueCount()
    {
        // Arrange
        var text = $"msg-{Guid.NewGuid():N}";
        var queue = fixture.PlainQueue("work-messages");
        await queue.CreateIfNotExistsAsync();

        // Act
        var sent = await queue.SendMessageAsync(text);

        // Assert: the worker built its QueueMessage from the ModelBindingData the dev host sent.
        var marker = await Poll.UntilAsync(() => ReadMarkerAsync($"queue-message/{text}"), Deadline, $"markers/queue-message/{text}");
        Assert.Equal($"{sent.Value.MessageId}|1", marker);
    }

    [Fact]
    public async Task QueueMessage_AlwaysFailing_MovesToPoisonQueue()
    {
        // Arrange
        var item = $"FAIL-{Guid.NewGuid():N}";
        var queue = fixture.PlainQueue("work-items");
        await queue.CreateIfNotExistsAsync();
        var poison = fixture.PlainQueue("work-items-poison");

        // Act
        await queue.SendMessageAsync(item);

        // Assert: after host.json's maxDequeueCount (2) the SDK moves it to <queue>-poison.
        await Poll.UntilAsync(
            async () => (await poison.ExistsAsync()).Value &&
                        (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == item),
            Deadline,
            $"{item} in work-items-poison");
    }

    [Fact]
    public async Task AdminRun_TimerFunction_RunsNow()
    {
        // Arrange
        var before = await CountMarkersAsync("timer/");

        // Act
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("admin/functions/Tick", UriKind.Relative), new { input = "" });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before + 1, await CountMarkersAsync("timer/"));
    }

    [Fact]
    public async Task AdminRun_UnknownFunction_Returns404()
    {
        // Act
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("admin/functions/Nope", UriKind.Relative), new { input = "" });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HostOutput_AfterInvocations_ShowsWorkerLogsWithFunctionName()
    {
        // Arrange
        var name = $"log-{Guid.NewGuid():N}.txt";
        await fixture.Container("samples").UploadBlobAsync(name, BinaryData.FromString("twelve chars"));

        // Act / Assert: the worker's ILogger line travels over gRPC (RpcLog) and is printed under the function's name.
        await Poll.UntilAsync(
            () => Task.FromResult<bool?>(fixture.Host.Output.Contains($"Function.SampleBlob", StringComparison.Ordinal) &&
                                         fixture.Host.Output.Contains($"Processed blob {name} (12 chars)", StringComparison.Ordinal)),
            Deadline,
            "the worker's log line in the dev host output");
    }

    private async Task<string?> ReadMarkerAsync(string name)
    {
        try
        {
            var result = await fixture.Container("markers").GetBlobClient(name).DownloadContentAsync();
            return result.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<bool> MarkerExistsAsync(string name) =>
        (await fixture.Container("markers").GetBlobClient(name).ExistsAsync()).Value;

    private async Task<int> CountMarkersAsync(string prefix)
    {
        var container = fixture.Container("markers");
        if (!(await container.ExistsAsync()).Value)
        {
            return 0;
        }

        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}

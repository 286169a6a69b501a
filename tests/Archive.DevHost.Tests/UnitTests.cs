using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;

namespace Archive.DevHost.Tests;

/// <summary>The dev host's pure parts: routing, blob paths, schedules, settings, host.json, binding support.</summary>
public sealed class UnitTests
{
    private static FunctionDefinition Function(string name, params string[] bindingsJson) =>
        new(name, "id-" + name, [.. bindingsJson.Select(BindingDescription.Parse)]);

    [Fact]
    public void Router_LiteralAndParameterRoutes_PrefersMoreSpecificAndAppliesPrefix()
    {
        // Arrange
        var router = new HttpTriggerRouter(
            [
                Function("GetArticle", """{"name":"req","type":"httpTrigger","direction":"In","methods":["get"],"route":"articles/{id}"}"""),
                Function("Suggest", """{"name":"req","type":"httpTrigger","direction":"In","methods":["get"],"route":"articles/suggest"}"""),
                Function("Health", """{"name":"req","type":"httpTrigger","direction":"In"}"""),
            ],
            "api");

        // Act
        var suggest = router.Match("/api/articles/suggest", "GET", out _);
        var article = router.Match("/api/articles/a1", "GET", out var values);
        var health = router.Match("/api/Health", "DELETE", out _);
        var wrongMethod = router.Match("/api/articles/a1", "POST", out _);
        var noPrefix = router.Match("/articles/a1", "GET", out _);

        // Assert
        Assert.Equal("Suggest", suggest?.Function.Name);
        Assert.Equal("GetArticle", article?.Function.Name);
        Assert.Equal("a1", values["id"]);
        Assert.Equal("Health", health?.Function.Name);
        Assert.Null(wrongMethod);
        Assert.Null(noPrefix);
    }

    [Fact]
    public void Router_EmptyRoutePrefix_MatchesFromRoot()
    {
        // Arrange
        var router = new HttpTriggerRouter([Function("Search", """{"name":"req","type":"httpTrigger","direction":"In","route":"search"}""")], "");

        // Act / Assert
        Assert.NotNull(router.Match("/search", "GET", out _));
        Assert.Null(router.Match("/api/search", "GET", out _));
    }

    [Theory]
    [InlineData("articles/{name}", "articles/2024/a.txt", "name", "2024/a.txt")]
    [InlineData("articles/{name}.json", "articles/x.json", "name", "x")]
    [InlineData("in/{folder}/{file}", "in/a/b.txt", "folder", "a")]
    public void PathTemplate_MatchingPath_ExtractsParameters(string template, string path, string key, string expected)
    {
        // Act
        var matched = PathTemplate.TryMatch(template, path, out var values);

        // Assert
        Assert.True(matched);
        Assert.Equal(expected, values[key]);
    }

    [Fact]
    public void PathTemplate_OtherContainer_DoesNotMatch()
    {
        Assert.False(PathTemplate.TryMatch("articles/{name}", "other/a.txt", out _));
    }

    [Fact]
    public void TimerSchedule_SixFieldCron_NextOccurrenceHonoursSeconds()
    {
        // Arrange
        var schedule = TimerSchedule.Parse("*/30 * * * * *");

        // Act
        var next = schedule.Next(new DateTimeOffset(2026, 1, 1, 10, 0, 10, TimeSpan.Zero));

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 30, TimeSpan.Zero), next);
    }

    [Fact]
    public void TimerSchedule_TimeSpan_AddsInterval()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(start.AddMinutes(5), TimerSchedule.Parse("00:05:00").Next(start));
    }

    [Fact]
    public void TimerSchedule_Garbage_ThrowsFormatExceptionNamingExpression()
    {
        var ex = Assert.Throws<FormatException>(() => TimerSchedule.Parse("every day"));
        Assert.Contains("'every day'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_VariableSetInEnvironment_WinsOverLocalSettings()
    {
        // Arrange
        var local = new Dictionary<string, string> { ["ArticlesStorage"] = "UseDevelopmentStorage=true", ["Other"] = "local" };
        var environment = new Dictionary<string, string> { ["ArticlesStorage"] = "from-env" };

        // Act
        var settings = new AppSettings(local, environment);

        // Assert
        Assert.Equal("from-env", settings.Values["ArticlesStorage"]);
        Assert.Equal("local", settings.Values["Other"]);
    }

    [Fact]
    public void ReadLocalSettings_ValuesObject_ReturnsEntries()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"local-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "IsEncrypted": false, "Values": { "A": "1", "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated" } }""");

        // Act
        var values = AppSettings.ReadLocalSettings(path);

        // Assert
        Assert.Equal("1", values["A"]);
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void HostJson_BlobAndQueueSettings_AreRead()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "version": "2.0", "extensions": { "http": { "routePrefix": "/v1/" },
              "blobs": { "maxDegreeOfParallelism": 2, "poisonBlobThreshold": 7 },
              "queues": { "maxPollingInterval": "00:00:02", "maxDequeueCount": 4, "messageEncoding": "none" } } }
            """);

        // Act
        var settings = HostJsonSettings.Load(path);

        // Assert
        Assert.Equal("v1", settings.RoutePrefix);
        Assert.Equal(2, settings.BlobsMaxDegreeOfParallelism);
        Assert.Equal(7, settings.BlobsPoisonBlobThreshold);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.QueuesMaxPollingInterval);
        Assert.Equal(4, settings.QueuesMaxDequeueCount);
        Assert.True(settings.QueuesPlainMessages);
    }

    [Fact]
    public void HostJson_Missing_DefaultsToApiPrefix()
    {
        var settings = HostJsonSettings.Load("/nonexistent/host.json");
        Assert.Equal("api", settings.RoutePrefix);
        Assert.False(settings.QueuesPlainMessages);
    }

    [Fact]
    public void BindingSupport_ServiceBusTriggerAndBlobInput_ReportsBoth()
    {
        // Arrange
        var functions = new[]
        {
            Function("Ok", """{"name":"blob","type":"blobTrigger","direction":"In","path":"a/{name}"}""", """{"name":"out","type":"queue","direction":"Out","queueName":"q"}"""),
            Function("Bus", """{"name":"m","type":"serviceBusTrigger","direction":"In"}"""),
            Function("Reads", """{"name":"t","type":"timerTrigger","direction":"In","schedule":"0 * * * * *"}""", """{"name":"b","type":"blob","direction":"In","path":"a/b"}"""),
        };

        // Act
        var problems = BindingSupport.FindUnsupported(functions);

        // Assert
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Bus'", StringComparison.Ordinal) && p.Contains("serviceBusTrigger", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Reads'", StringComparison.Ordinal) && p.Contains("'blob' (In)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--app", "out", "--port", "8080", "--verbose" }, 8080, true)]
    [InlineData(new string[0], 7071, false)]
    public void Options_ValidArguments_Parse(string[] args, int port, bool verbose)
    {
        var options = DevHostOptions.Parse(args, "/default", out var error);
        Assert.Null(error);
        Assert.Equal(port, options!.Port);
        Assert.Equal(verbose, options.Verbose);
    }

    [Theory]
    [InlineData("--port", "x")]
    [InlineData("--bogus")]
    [InlineData("--app")]
    public void Options_InvalidArguments_ReturnError(params string[] args)
    {
        Assert.Null(DevHostOptions.Parse(args, "/default", out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("Archive.Functions.Search", RpcLog.Types.Level.Information, RpcLog.Types.RpcLogCategory.User, false)]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware", RpcLog.Types.Level.Information, RpcLog.Types.RpcLogCategory.User, true)]
    [InlineData("Microsoft.AspNetCore.Server", RpcLog.Types.Level.Warning, RpcLog.Types.RpcLogCategory.User, false)]
    [InlineData("Host.Worker", RpcLog.Types.Level.Debug, RpcLog.Types.RpcLogCategory.System, true)]
    public void RpcLogPrinter_FrameworkAndSystemChatter_IsNoise(string category, RpcLog.Types.Level level, RpcLog.Types.RpcLogCategory logCategory, bool noise)
    {
        var log = new RpcLog { Category = category, Level = level, LogCategory = logCategory };
        var mapped = level switch
        {
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        Assert.Equal(noise, RpcLogPrinter.IsNoise(log, mapped));
    }

    [Fact]
    public void BlobBindingData_ForWorker_HasSourceContentTypeAndJsonContent()
    {
        // Act
        var data = Invocations.BlobBindingData("ArticlesStorage", "articles", "a/b.txt");

        // Assert
        Assert.Equal("AzureStorageBlobs", data.Source);
        Assert.Equal("application/json", data.ContentType);
        using var doc = JsonDocument.Parse(data.Content.ToStringUtf8());
        Assert.Equal("ArticlesStorage", doc.RootElement.GetProperty("Connection").GetString());
        Assert.Equal("articles", doc.RootElement.GetProperty("ContainerName").GetString());
        Assert.Equal("a/b.txt", doc.RootElement.GetProperty("BlobName").GetString());
    }

    [Fact]
    public void Create_AnyInvocation_HasW3CTraceParent()
    {
        var request = Invocations.Create(Function("F", """{"name":"req","type":"httpTrigger","direction":"In"}"""));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", request.TraceContext.TraceParent);
        Assert.Equal("id-F", request.FunctionId);
    }
}

using System.Text.Json;
using Archive.Testing;

namespace Archive.Functions.Tests;

/// <summary>The Functions build output must be runnable by a host: host.json, functions.metadata and the worker.</summary>
public sealed class BuildOutputTests
{
    private static string OutputDirectory
    {
        get
        {
            // Archive.Functions is referenced by this project, so its build output is copied beside the tests
            // except for the host files; read them from the Functions project's own output folder instead.
            var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepositoryPaths.Root, "artifacts", "bin", "Archive.Functions", configuration);
        }
    }

    [Fact]
    public void BuildOutput_AfterBuild_ContainsHostJsonAndFunctionsMetadata()
    {
        var hostJson = Path.Combine(OutputDirectory, "host.json");
        var metadata = Path.Combine(OutputDirectory, "functions.metadata");

        Assert.True(File.Exists(hostJson), $"{hostJson} is missing");
        Assert.True(File.Exists(metadata), $"{metadata} is missing");
        using var host = JsonDocument.Parse(File.ReadAllText(hostJson));
        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void FunctionsMetadata_AfterBuild_ListsHealthAsAnonymousHttpGet()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata")));

        var health = doc.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Health");
        var trigger = health.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal("health", trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.True(File.Exists(Path.Combine(OutputDirectory, "worker.config.json")));
    }

    private static JsonElement Trigger(JsonDocument doc, string function) =>
        doc.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void FunctionsMetadata_AfterBuild_IngestArticleIsEventGridBlobTriggerOnConfiguredContainer()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata")));

        var trigger = Trigger(doc, "IngestArticle");

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%Archive:ArticlesContainer%/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("ArticlesStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void FunctionsMetadata_AfterBuild_RemoveAndReconcileReadTheirSettings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata")));

        var queue = Trigger(doc, "RemoveArticle");
        var timer = Trigger(doc, "Reconcile");
        var now = Trigger(doc, "ReconcileNow");

        Assert.Equal("queueTrigger", queue.GetProperty("type").GetString());
        Assert.Equal("%Archive:DeletionsQueue%", queue.GetProperty("queueName").GetString());
        Assert.Equal("ArticlesStorage", queue.GetProperty("connection").GetString());
        Assert.Equal("timerTrigger", timer.GetProperty("type").GetString());
        Assert.Equal("%Archive:ReconcileSchedule%", timer.GetProperty("schedule").GetString());
        Assert.Equal("manage/reconcile", now.GetProperty("route").GetString());
        Assert.Equal("Function", now.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(["post"], now.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("Search", "search")]
    [InlineData("GetArticle", "articles/{id}")]
    [InlineData("GetArticleContent", "articles/{id}/content")]
    [InlineData("Suggest", "suggest")]
    [InlineData("OpenApi", "openapi.json")]
    [InlineData("Export", "export")]
    [InlineData("Timeline", "timeline")]
    [InlineData("Feed", "feed")]
    [InlineData("Stats", "stats")]
    public void FunctionsMetadata_AfterBuild_ReadEndpointIsAnonymousGet(string function, string route)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "functions.metadata")));

        var trigger = Trigger(doc, function);

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }
}

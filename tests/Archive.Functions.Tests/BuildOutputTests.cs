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
}

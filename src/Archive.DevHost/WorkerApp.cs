using System.Text.Json;

namespace Archive.DevHost;

/// <summary>A validated isolated-worker build output: how to start the worker and what functions it declares.</summary>
public sealed class WorkerApp
{
    private WorkerApp(string directory, string executable, string workerPath, IReadOnlyList<FunctionDefinition> declaredFunctions, HostJsonSettings hostJson)
    {
        Directory = directory;
        Executable = executable;
        WorkerPath = workerPath;
        DeclaredFunctions = declaredFunctions;
        HostJson = hostJson;
    }

    /// <summary>The build output folder (FUNCTIONS_APPLICATION_DIRECTORY).</summary>
    public string Directory { get; }

    /// <summary>The program that runs the worker, usually <c>dotnet</c>.</summary>
    public string Executable { get; }

    /// <summary>The worker assembly (or executable) passed as the first argument.</summary>
    public string WorkerPath { get; }

    /// <summary>The functions as functions.metadata lists them (the worker's own metadata response is authoritative).</summary>
    public IReadOnlyList<FunctionDefinition> DeclaredFunctions { get; }

    public HostJsonSettings HostJson { get; }

    /// <summary>Checks the build output and reads worker.config.json, functions.metadata and host.json.</summary>
    public static WorkerApp Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        const string hint = "Build the Functions project first (dotnet build), or pass its build output with --app.";
        if (!System.IO.Directory.Exists(full))
        {
            throw new DevHostStartupException($"The worker build output '{full}' does not exist. {hint}");
        }

        var config = Path.Combine(full, "worker.config.json");
        if (!File.Exists(config))
        {
            throw new DevHostStartupException($"'{full}' is not an isolated worker build output: worker.config.json is missing. {hint}");
        }

        var metadata = Path.Combine(full, "functions.metadata");
        if (!File.Exists(metadata))
        {
            throw new DevHostStartupException($"'{full}' is not an isolated worker build output: functions.metadata is missing. {hint}");
        }

        string executable;
        string workerPath;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(config));
            var description = doc.RootElement.GetProperty("description");
            executable = Expand(description.TryGetProperty("defaultExecutablePath", out var e) ? e.GetString() : null, full) ?? "dotnet";
            workerPath = Expand(description.TryGetProperty("defaultWorkerPath", out var w) ? w.GetString() : null, full)
                ?? throw new DevHostStartupException($"{config} has no description.defaultWorkerPath.");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DevHostStartupException($"{config} could not be read: {ex.Message}", ex);
        }

        if (!Path.IsPathRooted(workerPath))
        {
            workerPath = Path.Combine(full, workerPath);
        }

        if (!File.Exists(workerPath))
        {
            throw new DevHostStartupException($"The worker '{workerPath}' named by worker.config.json does not exist. {hint}");
        }

        IReadOnlyList<FunctionDefinition> functions;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(metadata));
            functions = [.. doc.RootElement.EnumerateArray().Select(FunctionDefinition.FromMetadataJson)];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DevHostStartupException($"{metadata} could not be read: {ex.Message}", ex);
        }

        return new WorkerApp(full, executable, workerPath, functions, HostJsonSettings.Load(Path.Combine(full, "host.json")));
    }

    private static string? Expand(string? value, string directory) =>
        value?.Replace("{WorkerRoot}", directory + Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
}

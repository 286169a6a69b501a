using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archive.DevHost.Tests;

/// <summary>Start-up errors, clean shutdown and the stale-worker guard, with dev host processes of their own.</summary>
[Collection(DevHostCollection.Name)]
public sealed class LifecycleTests(DevHostFixture fixture)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Start_MissingBuildOutput_ExitsWithClearError()
    {
        // Arrange
        var missing = Path.Combine(Path.GetTempPath(), "no-such-worker-" + Guid.NewGuid().ToString("N"));

        // Act
        await using var host = DevHostProcess.Start(FreePort.Next(), fixture.Environment, "--app", missing);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Contains($"The worker build output '{missing}' does not exist", host.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet build", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FolderWithoutFunctionsMetadata_ExitsWithClearError()
    {
        // Arrange
        var dir = Directory.CreateTempSubdirectory("devhost-nometadata-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "worker.config.json"), """{"description":{"defaultExecutablePath":"dotnet","defaultWorkerPath":"App.dll"}}""");

        // Act
        await using var host = DevHostProcess.Start(FreePort.Next(), fixture.Environment, "--app", dir);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Contains("functions.metadata is missing", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnsupportedBindingType_ExitsNamingFunctionAndType()
    {
        // Arrange: a copy of the test worker's output whose metadata declares a Cosmos DB trigger.
        var dir = Directory.CreateTempSubdirectory("devhost-unsupported-").FullName;
        foreach (var file in new[] { "worker.config.json", "Archive.DevHost.TestWorker.dll", "host.json" })
        {
            File.Copy(Path.Combine(DevHostProcess.TestWorkerOutput, file), Path.Combine(dir, file));
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "functions.metadata"), """
            [{"name":"OnChange","scriptFile":"Archive.DevHost.TestWorker.dll","entryPoint":"X.Run","language":"dotnet-isolated",
              "bindings":[{"name":"docs","direction":"In","type":"cosmosDBTrigger","databaseName":"db","containerName":"c"}]}]
            """);

        // Act
        await using var host = DevHostProcess.Start(FreePort.Next(), fixture.Environment, "--app", dir);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Contains("Function 'OnChange': binding 'docs' of type 'cosmosDBTrigger' (In) is not supported", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WorkerExitsDuringStartup_ExitsWithStartupError()
    {
        // Arrange: a build output whose "worker" is a program that exits at once.
        var dir = Directory.CreateTempSubdirectory("devhost-exiting-").FullName;
        File.Copy(Path.Combine(DevHostProcess.TestWorkerOutput, "functions.metadata"), Path.Combine(dir, "functions.metadata"));
        await File.WriteAllTextAsync(Path.Combine(dir, "exits.sh"), "exit 3\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "worker.config.json"), """{"description":{"defaultExecutablePath":"sh","defaultWorkerPath":"exits.sh"}}""");

        // Act
        await using var host = DevHostProcess.Start(FreePort.Next(), fixture.Environment, "--app", dir);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Contains("The worker process exited during start-up (exit code 3)", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartThenSigterm_PidFileNamesLiveWorker_EndsOrphanThenStopsOwnWorkerCleanly()
    {
        // One dev host start covers both ends of the worker's life (starts are slow on a shared machine).
        // Arrange: what a dev host killed with SIGKILL leaves behind (its worker keeps running): a live process running
        // the worker, recorded in the PID file for this app folder and port.
        var port = FreePort.Next();
        var app = Path.GetFullPath(DevHostProcess.TestWorkerOutput);
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "sleep 300; :", "Archive.DevHost.TestWorker.dll" })
        {
            start.ArgumentList.Add(arg);
        }

        using var orphan = Process.Start(start)!;
        var guard = new StaleWorkerGuard(app, port, NullLogger.Instance);
        guard.Remember(orphan.Id);

        // Act 1: start.
        await using var host = DevHostProcess.Start(port, fixture.Environment, "--app", app, "--settings", fixture.SettingsFile, "--host-id", "devhost-tests-lifecycle");
        await host.WaitUntilRunningAsync(StartTimeout);

        // Assert 1: the stale worker was ended and the new one recorded.
        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "the stale worker is still running");
        Assert.Contains($"Ending worker process {orphan.Id} left behind", host.Output, StringComparison.Ordinal);
        var worker = host.WorkerProcessId;
        Assert.Equal(worker.ToString(CultureInfo.InvariantCulture), (await File.ReadAllTextAsync(guard.PidFile)).Trim());
        Assert.True(DevHostProcess.IsRunning(worker));

        // Act 2: SIGTERM.
        var exitCode = await host.TerminateAsync(TimeSpan.FromSeconds(30));

        // Assert 2: clean exit, no orphan, PID file gone.
        Assert.Equal(0, exitCode);
        Assert.False(DevHostProcess.IsRunning(worker), "the worker process outlived the dev host");
        Assert.Contains("Stopped; the worker exited with code 0", host.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(guard.PidFile), "the PID file was left behind");
    }
}

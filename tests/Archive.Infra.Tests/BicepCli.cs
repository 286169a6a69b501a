using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Archive.Infra.Tests;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload of this project): the
/// package folder is baked into the assembly at build time, so nothing is downloaded at test time.
/// </summary>
public static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    /// <summary>Why the CLI cannot run here, or null when it can (the package carries a linux-x64 binary only).</summary>
    public static string? UnsupportedReason =>
        OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64
            ? null
            : $"The Bicep CLI package restored here is {PackageId} (linux-x64); this machine is {RuntimeInformation.RuntimeIdentifier}.";

    /// <summary>The bicep executable inside the NuGet package folder.</summary>
    public static string ExecutablePath
    {
        get
        {
            var root = Metadata("NuGetPackageRoot");
            var version = Metadata("BicepVersion");
            return Path.Combine(root, PackageId, version, "tools", "bicep");
        }
    }

    /// <summary>Runs bicep with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is missing at {path}. 'dotnet restore tests/Archive.Infra.Tests' restores it from NuGet.");
        }

        EnsureExecutable(path);
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks: the tests run offline.
        start.Environment["BICEP_TELEMETRY_DISABLED"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return new BicepRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the test assembly.");
}

/// <summary>The outcome of one bicep invocation.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for failure messages and diagnostic scans.</summary>
    public string Output => StandardOutput + StandardError;
}

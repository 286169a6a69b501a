using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Archive.DevHost;

/// <summary>
/// Remembers the worker's process id in a PID file (per app folder and port) so that a worker left behind by a dev host
/// that was killed is ended on the next start instead of running on unseen.
/// </summary>
public sealed class StaleWorkerGuard(string appDirectory, int port, ILogger logger)
{
    /// <summary>The PID file for this app folder and port under the temp folder.</summary>
    public string PidFile { get; } = Path.Combine(
        Path.GetTempPath(),
        "archive-devhost",
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{appDirectory}|{port}")))[..16] + ".pid");

    /// <summary>Ends a worker recorded by an earlier run, when that process still runs the same worker.</summary>
    public void EndStaleWorker(string workerPath)
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (!process.HasExited && CommandLineMentions(pid, workerPath))
            {
                Log.StaleWorkerKilled(logger, pid, PidFile);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(5));
            }
        }
        catch (ArgumentException)
        {
            // No such process any more.
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }

        Forget();
    }

    public void Remember(int pid)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PidFile)!);
        File.WriteAllText(PidFile, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Forget()
    {
        try
        {
            File.Delete(PidFile);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static bool CommandLineMentions(int pid, string workerPath)
    {
        var cmdline = $"/proc/{pid}/cmdline";
        if (!File.Exists(cmdline))
        {
            // No /proc (not Linux): trust the PID file.
            return !OperatingSystem.IsLinux();
        }

        try
        {
            return File.ReadAllText(cmdline).Contains(Path.GetFileName(workerPath), StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}

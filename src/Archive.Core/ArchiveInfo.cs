using System.Reflection;

namespace Archive.Core;

/// <summary>Facts about this build of Archive.</summary>
public static class ArchiveInfo
{
    /// <summary>The informational version of Archive.Core.</summary>
    public static string Version { get; } =
        typeof(ArchiveInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

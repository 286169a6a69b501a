using System.CommandLine;

namespace Archive.Cli;

/// <summary>Builds the <c>archive</c> command tree. Each capability adds its subcommand here.</summary>
internal static class ArchiveCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Archive: extract, upload, index and search news articles.");
        return root;
    }
}

using System.CommandLine;

namespace Archive.Cli;

/// <summary>Builds the <c>archive</c> command tree. Each capability adds its subcommand in its own file.</summary>
internal static class ArchiveCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Archive: extract, upload, index and search news articles.");
        // Subcommands (one line each): extract, bench, upload, search, index, reindex, ...
        root.Subcommands.Add(UploadCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        return root;
    }
}

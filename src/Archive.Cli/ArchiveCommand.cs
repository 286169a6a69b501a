using System.CommandLine;

namespace Archive.Cli;

/// <summary>Builds the <c>archive</c> command tree. Each capability adds its subcommand in its own file.</summary>
internal static class ArchiveCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Archive: extract, upload, index and search news articles.");
        // Subcommands (one line each): extract, bench, upload, search, index, reindex, ...
        root.Subcommands.Add(Bench.BenchCommand.Create(ExtractPlainText));
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(UploadCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(Bridge.BridgeCommand.Create());
        root.Subcommands.Add(Poison.ReplayPoisonCommand.Create());
        root.Subcommands.Add(Poison.ReplayDeadLettersCommand.Create());
        return root;
    }

    /// <summary>The bench's plain-text row: the whole extraction pipeline on the content of one .txt file, in memory.</summary>
    private static object? ExtractPlainText(byte[] bytes, string? path)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return PlainTextExtractor.ExtractAsync(stream, path ?? "article.txt", bytes.Length, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static readonly Core.Extraction.ArticleExtractor PlainTextExtractor = new();
}

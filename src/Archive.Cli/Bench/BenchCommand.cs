using System.CommandLine;

namespace Archive.Cli.Bench;

/// <summary>The <c>archive bench</c> command group.</summary>
internal static class BenchCommand
{
    /// <summary>
    /// Builds <c>archive bench extract</c>. <paramref name="textReader"/> is the plain-text extraction hook for the
    /// text speed row (a file's content and path → article); when null that row reports "not wired".
    /// </summary>
    public static Command Create(Func<byte[], string?, object?>? textReader = null)
    {
        var bench = new Command("bench", "Measure extraction quality and speed against the development corpora, and its behaviour on hostile files.");
        bench.Subcommands.Add(BenchExtractCommand.Create(textReader));
        bench.Subcommands.Add(BenchHostileCommand.Create());
        return bench;
    }
}

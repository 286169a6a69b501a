using System.CommandLine;
using System.Text.Json;

namespace Archive.Cli.Tests;

/// <summary><c>archive bench hostile --file</c>: the row one child process prints (the full table spawns a process per file).</summary>
public sealed class BenchHostileCommandTests
{
    [Theory]
    [InlineData("encrypted.pdf", "malformed")]
    [InlineData("huge-200mb.txt", "too_large")]
    public async Task BenchHostile_OneFile_PrintsItsOutcomeAsAJsonRow(string file, string outcome)
    {
        var output = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = new StringWriter() };

        var exitCode = await ArchiveCommand.Create().Parse(["bench", "hostile", "--file", file]).InvokeAsync(configuration);

        Assert.Equal(0, exitCode);
        var row = JsonDocument.Parse(output.ToString().Trim()).RootElement;
        Assert.Equal(outcome, row.GetProperty("Outcome").GetString());
        Assert.True(row.GetProperty("Size").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(row.GetProperty("Message").GetString()));
    }

    [Fact]
    public async Task BenchHostile_UnknownFile_ExitsTwoAndListsTheFiles()
    {
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = new StringWriter(), Error = error };

        var exitCode = await ArchiveCommand.Create().Parse(["bench", "hostile", "--file", "nope.bin"]).InvokeAsync(configuration);

        Assert.Equal(2, exitCode);
        Assert.Contains("zip-bomb.docx", error.ToString(), StringComparison.Ordinal);
    }
}

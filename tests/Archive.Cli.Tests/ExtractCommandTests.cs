using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Archive.Cli.Tests;

/// <summary>Runs <c>archive extract</c> in-process and reads its JSON lines.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("archive-extract-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Extract_FilesAndFolder_PrintsOneLinePerFileInInputOrder()
    {
        var first = Write("b-first.txt", "Title: First article\nAuthor: Jane Doe\nDate: 2021-03-03\n\nThe first article has a body of a few words.");
        Write("nested/z.md", "---\ntitle: Zed\n---\n\nA Markdown article inside the folder.");
        Write("nested/a.json", "{\"headline\": \"Ay\", \"articleBody\": \"A JSON article inside the folder.\"}");
        Write("nested/deeper/m.txt", "Em\n\nA text article two folders down.");
        Write("nested/.hidden.txt", "Hidden files are skipped.");
        var nested = Path.Combine(folder, "nested");

        var (exitCode, lines, _) = await RunAsync("extract", first, nested, "--format", "jsonl");

        Assert.Equal(0, exitCode);
        Assert.Equal(4, lines.Count);
        Assert.Equal(first, lines[0].GetProperty("path").GetString());
        Assert.Equal(
            [Path.Combine(nested, "a.json"), Path.Combine(nested, "deeper", "m.txt"), Path.Combine(nested, "z.md")],
            lines.Skip(1).Select(l => l.GetProperty("path").GetString()));
        Assert.Equal(["text", "json", "text", "markdown"], lines.Select(l => l.GetProperty("format").GetString()));
        Assert.Equal("First article", lines[0].GetProperty("title").GetString());
        Assert.Equal("Jane Doe", lines[0].GetProperty("authors")[0].GetString());
        Assert.Equal("2021-03-03T00:00:00+00:00", lines[0].GetProperty("publishedAt").GetString());
        Assert.Equal("date", lines[0].GetProperty("publishedAtPrecision").GetString());
        Assert.Equal(64, lines[0].GetProperty("contentHash").GetString()!.Length);
        Assert.True(lines[0].TryGetProperty("wordCount", out _));
        Assert.False(lines[0].TryGetProperty("WordCount", out _));
    }

    [Fact]
    public async Task Extract_SomeFilesFail_PrintsErrorLinesContinuesAndExitsOne()
    {
        var good = Write("good.txt", "Headline\n\nA body that is perfectly fine to read.");
        var empty = Write("empty.txt", string.Empty);
        var binary = WriteBytes("junk.txt", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray());
        var missing = Path.Combine(folder, "missing.txt");
        var last = Write("last.md", "# Last\n\nStill extracted after the failures.");

        var (exitCode, lines, _) = await RunAsync("extract", good, empty, binary, missing, last);

        Assert.Equal(1, exitCode);
        Assert.Equal(5, lines.Count);
        Assert.Equal("Headline", lines[0].GetProperty("title").GetString());
        AssertError(lines[1], empty, "empty");
        AssertError(lines[2], binary, "unsupported_format");
        AssertError(lines[3], missing, "not_found");
        Assert.Equal("Last", lines[4].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Extract_MaxBytesOption_RejectsLargerFilesAsTooLarge()
    {
        var small = Write("small.txt", "Small\n\nA short body.");
        var large = Write("large.txt", "Large\n\n" + new string('x', 5000));

        var (exitCode, lines, _) = await RunAsync("extract", small, large, "--max-bytes", "1000");

        Assert.Equal(1, exitCode);
        Assert.Equal("Small", lines[0].GetProperty("title").GetString());
        AssertError(lines[1], large, "too_large");
    }

    [Fact]
    public async Task Extract_UnknownFormat_IsAUsageError()
    {
        var file = Write("a.txt", "A\n\nB body.");

        var (exitCode, lines, error) = await RunAsync("extract", file, "--format", "xml");

        Assert.NotEqual(0, exitCode);
        Assert.Empty(lines);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_InvalidLimit_IsAUsageError()
    {
        var file = Write("a.txt", "A\n\nB body.");

        var (exitCode, lines, error) = await RunAsync("extract", file, "--max-bytes", "0");

        Assert.Equal(2, exitCode);
        Assert.Empty(lines);
        Assert.Contains("MaxBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_NonAsciiText_IsWrittenUnescaped()
    {
        var file = Write("fr.txt", "Titre : Été à Besançon\n\nLa chaleur a battu des records cette semaine à Besançon, selon Météo-France.");

        var (_, lines, raw) = await RunAsync("extract", file);

        Assert.Equal("Été à Besançon", lines[0].GetProperty("title").GetString());
        Assert.Contains("Été à Besançon", raw, StringComparison.Ordinal);
    }

    private static void AssertError(JsonElement line, string path, string code)
    {
        Assert.Equal(path, line.GetProperty("path").GetString());
        Assert.Equal(code, line.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal(2, line.EnumerateObject().Count());
    }

    private string Write(string relative, string content) => WriteBytes(relative, Encoding.UTF8.GetBytes(content));

    private string WriteBytes(string relative, byte[] content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Runs the command; returns the exit code, the parsed JSON lines, and the raw output (with the error text when there is no JSON).</summary>
    private static async Task<(int ExitCode, List<JsonElement> Lines, string Text)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };

        var exitCode = await ArchiveCommand.Create().Parse(args).InvokeAsync(configuration);

        // Usage errors print help text, not JSON; every JSON line is one object.
        var text = output.ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        return (exitCode, lines, lines.Count > 0 ? text : text + error);
    }
}

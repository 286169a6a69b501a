using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Archive.Core.Extraction;

namespace Archive.Cli;

/// <summary>
/// <c>archive extract &lt;file or folder&gt;... --format jsonl</c>: one JSON object per input file, in input order
/// (folders recursively, their files in ordinal path order, hidden entries skipped), camelCase. A file that cannot be
/// read prints <c>{"path":...,"error":{"code":...,"message":...}}</c>; the command goes on with the next file and
/// exits 1 when any failed.
/// </summary>
internal static class ExtractCommand
{
    /// <summary>Error code for a path that is neither a file nor a folder (the CLI's own; extraction never sees it).</summary>
    internal const string NotFoundCode = "not_found";

    /// <summary>Error code for a file the operating system would not let us read.</summary>
    internal const string UnreadableCode = "unreadable";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Article files or folders (folders are read recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (one JSON object per line).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl");
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = "Largest input file accepted, in bytes; larger files fail with too_large before they are read.",
            DefaultValueFactory = _ => ExtractionOptions.DefaultMaxBytes,
        };
        var maxLineLength = new Option<int>("--max-line-length")
        {
            Description = "Longest text line kept as one paragraph, in characters; longer lines are wrapped.",
            DefaultValueFactory = _ => new ExtractionOptions().MaxLineLength,
        };
        var maxPdfPages = new Option<int>("--max-pdf-pages")
        {
            Description = "Most PDF pages read per file.",
            DefaultValueFactory = _ => new ExtractionOptions().MaxPdfPages,
        };

        var command = new Command("extract", "Extract articles (text, Markdown, HTML, JSON, PDF, DOCX) and print their metadata and body.")
        {
            paths, format, maxBytes, maxLineLength, maxPdfPages,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ExtractionOptions
            {
                MaxBytes = parseResult.GetValue(maxBytes),
                MaxLineLength = parseResult.GetValue(maxLineLength),
                MaxPdfPages = parseResult.GetValue(maxPdfPages),
            };

            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return 2;
            }

            var inputs = parseResult.GetValue(paths) ?? [];
            return await RunAsync(inputs, options, parseResult.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        });

        return command;
    }

    /// <summary>Extracts every input and writes one JSON line per file; 0 when all succeeded, 1 when any failed.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> inputs, ExtractionOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var extractor = new ArticleExtractor(options);
        var failed = 0;
        foreach (var (path, missing) in Expand(inputs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string line;
            if (missing)
            {
                failed++;
                line = ErrorLine(path, NotFoundCode, "No such file or folder.");
            }
            else
            {
                var (result, unreadable) = await ExtractFileAsync(extractor, path, cancellationToken).ConfigureAwait(false);
                if (unreadable is not null)
                {
                    failed++;
                    line = ErrorLine(path, UnreadableCode, unreadable);
                }
                else if (result!.Succeeded)
                {
                    line = JsonSerializer.Serialize(result.Article, JsonOptions);
                }
                else
                {
                    failed++;
                    line = ErrorLine(path, result.Error.Code, result.Error.Message);
                }
            }

            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failed > 0 ? 1 : 0;
    }

    private static async Task<(ExtractionResult? Result, string? Unreadable)> ExtractFileAsync(ArticleExtractor extractor, string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81_920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return (await extractor.ExtractAsync(stream, path, stream.Length, cancellationToken).ConfigureAwait(false), null);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The files to extract, in input order; folders expand recursively in ordinal order, hidden entries skipped.</summary>
    internal static IEnumerable<(string Path, bool Missing)> Expand(IReadOnlyList<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                yield return (input, false);
            }
            else if (Directory.Exists(input))
            {
                var files = new List<string>();
                Collect(input, files);
                files.Sort(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return (file, false);
                }
            }
            else
            {
                yield return (input, true);
            }
        }
    }

    private static void Collect(string folder, List<string> files)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            if (!Path.GetFileName(file).StartsWith('.'))
            {
                files.Add(file);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(folder, "*", options))
        {
            if (!Path.GetFileName(directory).StartsWith('.'))
            {
                Collect(directory, files);
            }
        }
    }

    private static string ErrorLine(string path, string code, string message) =>
        JsonSerializer.Serialize(new ErrorRecord(path, new ExtractionError(code, message)), JsonOptions);

    private sealed record ErrorRecord(string Path, ExtractionError Error);
}

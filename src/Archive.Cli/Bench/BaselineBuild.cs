using System.Reflection;
using System.Runtime.Loader;

namespace Archive.Cli.Bench;

/// <summary>
/// Another build of Archive.Core (an output folder such as a copy of <c>artifacts/bin/Archive.Cli/release</c> made
/// before a change), loaded beside this one in its own load context, so that both are timed in the same process and
/// the same passes. Its <c>ArticleExtractor.Extract(byte[], string, CancellationToken)</c> and
/// <c>HtmlArticleReader.Read(string, string)</c> are called through reflection.
/// </summary>
internal sealed class BaselineBuild
{
    private readonly Func<byte[], string, object?> extract;
    private readonly Func<string, object?> readHtml;

    private BaselineBuild(Func<byte[], string, object?> extract, Func<string, object?> readHtml)
    {
        (this.extract, this.readHtml) = (extract, readHtml);
    }

    /// <summary>Loads the build in <paramref name="folder"/>; throws when it has no Archive.Core.dll.</summary>
    public static BaselineBuild Load(string folder)
    {
        var core = Path.Combine(folder, "Archive.Core.dll");
        if (!File.Exists(core))
        {
            throw new FileNotFoundException($"No Archive.Core.dll in {folder}: give the output folder of a build of the CLI.", core);
        }

        var context = new AssemblyLoadContext("baseline " + folder);
        context.Resolving += (loading, name) =>
        {
            var file = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(file) ? loading.LoadFromAssemblyPath(file) : null;
        };
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(core));
        var extractorType = assembly.GetType("Archive.Core.Extraction.ArticleExtractor", throwOnError: true)!;
        var optionsType = assembly.GetType("Archive.Core.Extraction.ExtractionOptions", throwOnError: true)!;
        var extractor = extractorType.GetConstructor([optionsType])!.Invoke([null]);
        var extractMethod = extractorType.GetMethod("Extract", [typeof(byte[]), typeof(string), typeof(CancellationToken)])!;
        var readerType = assembly.GetType("Archive.Core.Extraction.Html.HtmlArticleReader", throwOnError: true)!;
        var reader = Activator.CreateInstance(readerType)!;
        var readMethod = readerType.GetMethod("Read", BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(string)])!;
        return new BaselineBuild(
            (bytes, path) => extractMethod.Invoke(extractor, [bytes, path, CancellationToken.None]),
            html => readMethod.Invoke(reader, [html, null]));
    }

    /// <summary>The baseline's full pipeline on one file's bytes.</summary>
    public object? Extract(byte[] content, string path) => extract(content, path);

    /// <summary>The baseline's HTML reader on one page.</summary>
    public object? ReadHtml(string html) => readHtml(html);
}

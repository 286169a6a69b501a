using System.Collections.Frozen;

namespace Archive.Core.Extraction;

/// <summary>
/// The rule data of the extraction (word lists, gazetteers) embedded in the assembly from <c>Extraction/Data/</c>:
/// each file names its source, licence and version in its <c>#</c> header (see <c>Extraction/README.md</c>).
/// </summary>
internal static class ExtractionData
{
    /// <summary>The entries of a data file: its lines, trimmed, without blank lines and <c>#</c> comments.</summary>
    public static IEnumerable<string> Lines(string file)
    {
        using var stream = typeof(ExtractionData).Assembly.GetManifestResourceStream("Archive.Core.Extraction.Data." + file)
            ?? throw new InvalidOperationException($"The extraction data file '{file}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
            {
                lines.Add(entry);
            }
        }

        return lines;
    }

    /// <summary>A word list of <paramref name="file"/>, matched with <paramref name="comparer"/>.</summary>
    public static FrozenSet<string> Set(string file, StringComparer comparer) => Lines(file).ToFrozenSet(comparer);
}

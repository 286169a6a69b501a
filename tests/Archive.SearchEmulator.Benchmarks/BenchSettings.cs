using System.Globalization;

namespace Archive.SearchEmulator.Benchmarks;

/// <summary>The benchmark's sizes; defaults are the ones the issue asks for.</summary>
internal sealed record BenchSettings(int IndexDocs, int SearchDocs, int Queries, int Batch, int VectorDims = 384)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(10_000, 50_000, 400, 1000);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--index-docs" => settings with { IndexDocs = value },
                "--search-docs" => settings with { SearchDocs = value },
                "--queries" => settings with { Queries = value },
                "--batch" => settings with { Batch = value },
                "--vector-dims" => settings with { VectorDims = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return settings with { SearchDocs = Math.Max(settings.SearchDocs, settings.IndexDocs + settings.Batch) };
    }
}

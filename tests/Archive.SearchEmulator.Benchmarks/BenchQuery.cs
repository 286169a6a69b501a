using Azure.Search.Documents;

namespace Archive.SearchEmulator.Benchmarks;

/// <summary>One query of the mix: its kind, text and options; running it reads every result of the first page.</summary>
internal sealed record BenchQuery(string Kind, string Text, SearchOptions Options)
{
    /// <summary>Runs the query and returns the server-side time the emulator reported (<c>elapsed-time</c>, ms).</summary>
    public async Task<double> RunAsync(SearchClient client)
    {
        var response = await client.SearchAsync<BenchArticle>(Text, Options);
        await foreach (var page in response.Value.GetResultsAsync().AsPages())
        {
            _ = page.Values.Count;
            break;
        }

        return response.GetRawResponse().Headers.TryGetValue("elapsed-time", out var elapsed)
            ? double.Parse(elapsed, System.Globalization.CultureInfo.InvariantCulture)
            : double.NaN;
    }
}

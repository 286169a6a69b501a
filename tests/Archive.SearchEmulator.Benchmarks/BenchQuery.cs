using Azure.Search.Documents;

namespace Archive.SearchEmulator.Benchmarks;

/// <summary>One query of the mix: its kind, text and options; running it reads every result of the first page.</summary>
internal sealed record BenchQuery(string Kind, string Text, SearchOptions Options)
{
    public async Task RunAsync(SearchClient client)
    {
        var response = await client.SearchAsync<BenchArticle>(Text, Options);
        await foreach (var page in response.Value.GetResultsAsync().AsPages())
        {
            _ = page.Values.Count;
            break;
        }
    }
}

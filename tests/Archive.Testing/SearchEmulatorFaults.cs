using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Archive.Core.Search;

namespace Archive.Testing;

/// <summary>
/// The search emulator's fault injection as a test sets it at run time (<c>POST /admin/faults</c>): a share of
/// requests failing with one of <see cref="Statuses"/>, added latency, a window in which every request fails, and a
/// share of the documents of each indexing batch failing on their own (<see cref="ItemRate"/>, a 207 with 409, 422 or
/// 503 items among <see cref="Statuses"/>, 503 if none).
/// </summary>
public sealed record SearchEmulatorFaults(
    [property: JsonPropertyName("rate")] double Rate = 0,
    [property: JsonPropertyName("statuses")] IReadOnlyList<int>? Statuses = null,
    [property: JsonPropertyName("latencyMs")] int LatencyMs = 0,
    [property: JsonPropertyName("failAllForSeconds")] int FailAllForSeconds = 0,
    [property: JsonPropertyName("itemRate")] double ItemRate = 0)
{
    /// <summary>No faults.</summary>
    public static SearchEmulatorFaults None { get; } = new();

    /// <summary>What <c>/admin/faults</c> answers: the settings and how many faults were injected since the emulator started.</summary>
    public sealed record State(
        [property: JsonPropertyName("rate")] double Rate,
        [property: JsonPropertyName("statuses")] IReadOnlyList<int> Statuses,
        [property: JsonPropertyName("latencyMs")] int LatencyMs,
        [property: JsonPropertyName("failAllRemainingSeconds")] double FailAllRemainingSeconds,
        [property: JsonPropertyName("injected")] long Injected);

    public static async Task<State> PostAsync(Uri endpoint, string apiKey, string certificatePath, SearchEmulatorFaults faults)
    {
        using var pinned = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePath).ConfigureAwait(false));
        using var client = new HttpClient(SearchClientOptionsFactory.CreatePinnedHandler(pinned));
        client.DefaultRequestHeaders.Add("api-key", apiKey);
        var body = faults with { Statuses = faults.Statuses ?? [503] };
        using var response = await client.PostAsJsonAsync(new Uri(endpoint, "/admin/faults"), body).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<State>().ConfigureAwait(false))!;
    }
}

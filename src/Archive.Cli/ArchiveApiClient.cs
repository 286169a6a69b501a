using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Core.Api;

namespace Archive.Cli;

/// <summary>Calls the Archive HTTP API (<c>GET /api/search</c>).</summary>
internal sealed class ArchiveApiClient(HttpClient http, Uri baseAddress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The request URI for <paramref name="parameters"/> (each value escaped; repeated names allowed).</summary>
    public Uri SearchUri(IEnumerable<KeyValuePair<string, string>> parameters) => ApiUri("api/search", parameters);

    /// <summary>The <c>GET /api/export</c> URI for <paramref name="parameters"/>.</summary>
    public Uri ExportUri(IEnumerable<KeyValuePair<string, string>> parameters) => ApiUri("api/export", parameters);

    private Uri ApiUri(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new Uri(baseAddress, path + query.ToString());
    }

    /// <summary>Runs the search; returns the raw JSON and, when it succeeded, the page.</summary>
    public async Task<(int Status, string Body, ArticleSearchPage? Page)> SearchAsync(
        IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(SearchUri(parameters), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var page = response.IsSuccessStatusCode ? JsonSerializer.Deserialize<ArticleSearchPage>(body, Json) : null;
        return ((int)response.StatusCode, body, page);
    }

    /// <summary>The problem's detail (or the body) of a failed call, for a person.</summary>
    public static string Describe(int status, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var title = doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            return string.Create(CultureInfo.InvariantCulture, $"{status}: {detail ?? title ?? body}");
        }
        catch (JsonException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{status}: {body}");
        }
    }
}

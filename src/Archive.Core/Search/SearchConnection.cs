using Archive.Core.Options;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;

namespace Archive.Core.Search;

/// <summary>
/// Builds the Azure AI Search clients from <see cref="SearchServiceOptions"/>: the one place that chooses the
/// credential (managed identity or API key), the camelCase serializer and the pinned certificate of the local emulator.
/// </summary>
public static class SearchConnection
{
    /// <summary>Creates the index client; <see cref="SearchIndexClient.GetSearchClient"/> shares its pipeline.</summary>
    public static SearchIndexClient CreateIndexClient(SearchServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Search:Endpoint is not set.");
        var clientOptions = CreateClientOptions(options);
        if (string.Equals(options.Credential, SearchServiceOptions.ApiKeyCredential, StringComparison.OrdinalIgnoreCase))
        {
            return new SearchIndexClient(endpoint, new AzureKeyCredential(options.ApiKey ?? ""), clientOptions);
        }

        var credential = string.Equals(options.Credential, SearchServiceOptions.DeveloperCredential, StringComparison.OrdinalIgnoreCase)
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ExcludeManagedIdentityCredential = true })
            : CreateTokenCredential(options.ClientId);
        return new SearchIndexClient(endpoint, credential, clientOptions);
    }

    /// <summary>The client options: camelCase serializer, and certificate pinning when <see cref="SearchServiceOptions.CertificatePath"/> is set.</summary>
    public static SearchClientOptions CreateClientOptions(SearchServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = SearchClientOptionsFactory.Create(options.CertificatePath);
        clientOptions.Serializer = ArticleIndex.Serializer;
        return clientOptions;
    }

    /// <summary>A managed identity (user-assigned when <paramref name="clientId"/> is given).</summary>
    public static TokenCredential CreateTokenCredential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}

using Archive.Core.Options;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Archive.Core.Storage;

/// <summary>Creates the storage clients of the <c>ArticlesStorage</c> connection, the way the Functions bindings read it.</summary>
public static class ArticlesStorage
{
    /// <summary>Reads <c>ArticlesStorage</c> (a connection string) or its identity-based sub-settings.</summary>
    public static void Bind(IConfiguration configuration, ArticlesStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(ArticlesStorageOptions.ConnectionName);
        options.ConnectionString = section.Value;
        options.BlobServiceUri = AsUri(section["blobServiceUri"]) ?? AsUri(section["serviceUri"]);
        options.QueueServiceUri = AsUri(section["queueServiceUri"]);
        options.Credential = section["credential"];
        options.ClientId = section["clientId"];
    }

    public static BlobServiceClient CreateBlobServiceClient(ArticlesStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        var uri = options.BlobServiceUri ?? throw new InvalidOperationException("ArticlesStorage__blobServiceUri is not set.");
        return new BlobServiceClient(uri, CreateCredential(options));
    }

    public static QueueServiceClient CreateQueueServiceClient(ArticlesStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new QueueServiceClient(options.ConnectionString);
        }

        var uri = options.QueueServiceUri ?? throw new InvalidOperationException("ArticlesStorage__queueServiceUri is not set.");
        return new QueueServiceClient(uri, CreateCredential(options));
    }

    private static Azure.Core.TokenCredential CreateCredential(ArticlesStorageOptions options) =>
        string.Equals(options.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? Search.SearchConnection.CreateTokenCredential(options.ClientId)
            : new DefaultAzureCredential();

    private static Uri? AsUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}

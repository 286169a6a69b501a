using System.ComponentModel.DataAnnotations;

namespace Archive.Core.Options;

/// <summary>
/// The storage connection named <c>ArticlesStorage</c>, the same setting the Functions bindings read: a connection
/// string locally, or the identity-based <c>ArticlesStorage__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__credential</c>/<c>__clientId</c>.
/// </summary>
public sealed class ArticlesStorageOptions : IValidatableObject
{
    public const string ConnectionName = "ArticlesStorage";

    /// <summary>The connection string (the value of <c>ArticlesStorage</c> itself).</summary>
    public string? ConnectionString { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary><c>managedidentity</c> selects <c>ManagedIdentityCredential</c>; anything else the default credential chain.</summary>
    public string? Credential { get; set; }

    public string? ClientId { get; set; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasConnectionString == (BlobServiceUri is not null))
        {
            yield return new ValidationResult(
                "Set exactly one of ArticlesStorage (a connection string) or ArticlesStorage__blobServiceUri (identity-based).",
                [nameof(ConnectionString), nameof(BlobServiceUri)]);
        }

        if (BlobServiceUri is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("ArticlesStorage__blobServiceUri must be an absolute URI.", [nameof(BlobServiceUri)]);
        }
    }
}

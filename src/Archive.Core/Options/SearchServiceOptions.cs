using System.ComponentModel.DataAnnotations;

namespace Archive.Core.Options;

/// <summary>The Azure AI Search service and index (configuration section <c>Search</c>).</summary>
public sealed class SearchServiceOptions : IValidatableObject
{
    public const string SectionName = "Search";

    public const string ManagedIdentity = "managedidentity";

    public const string ApiKeyCredential = "apikey";

    /// <summary>The signed-in developer (Azure CLI, azd, Visual Studio...): for the CLI and deployment hooks, not the app.</summary>
    public const string DeveloperCredential = "developer";

    /// <summary>The service endpoint, https. Setting <c>Search__Endpoint</c>.</summary>
    [Required(ErrorMessage = "Search:Endpoint is required (for example https://<service>.search.windows.net).")]
    public Uri? Endpoint { get; set; }

    /// <summary>The index name. Setting <c>Search__IndexName</c>.</summary>
    [Required]
    [RegularExpression("^(?!.*[-_]{2})[a-z0-9][a-z0-9_-]{1,127}$", ErrorMessage = "Search:IndexName must be 2-128 lower-case letters, digits, dashes or underscores, starting with a letter or digit.")]
    public string IndexName { get; set; } = "articles";

    /// <summary><c>managedidentity</c> (Azure), <c>apikey</c> (local emulator) or <c>developer</c> (the CLI run by a signed-in person). Setting <c>Search__Credential</c>.</summary>
    [Required]
    public string Credential { get; set; } = ManagedIdentity;

    /// <summary>The client id of the user-assigned managed identity. Setting <c>Search__ClientId</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The API key, when <see cref="Credential"/> is apikey. Setting <c>Search__ApiKey</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A PEM certificate to pin (the local emulator's). Setting <c>Search__CertificatePath</c>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Create the index at start when it is missing (needs Search Service Contributor). Setting <c>Search__CreateIndexIfMissing</c>.</summary>
    public bool CreateIndexIfMissing { get; set; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Search:Endpoint must be an absolute https URI (the Azure SDK accepts only https).", [nameof(Endpoint)]);
        }

        if (string.Equals(Credential, ApiKeyCredential, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(ApiKey))
            {
                yield return new ValidationResult("Search:ApiKey is required when Search:Credential is apikey.", [nameof(ApiKey)]);
            }
        }
        else if (!string.Equals(Credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase) && !string.Equals(Credential, DeveloperCredential, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Search:Credential must be '{ManagedIdentity}', '{ApiKeyCredential}' or '{DeveloperCredential}'.", [nameof(Credential)]);
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"Search:CertificatePath '{CertificatePath}' does not exist.", [nameof(CertificatePath)]);
        }
    }
}

using Archive.Core.Options;

namespace Archive.Core.Tests.Options;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultArchiveOptions_Succeeds()
    {
        Assert.True(new ArchiveOptionsValidator().Validate(null, new ArchiveOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadContainerName_FailsNamingTheSetting()
    {
        var result = new ArchiveOptionsValidator().Validate(null, new ArchiveOptions { ArticlesContainer = "Articles_2024" });

        Assert.True(result.Failed);
        Assert.Contains("Archive:ArticlesContainer must be a valid blob container name (3-63 lower-case letters, digits and single dashes).", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ApiKeyCredentialWithoutKey_Fails()
    {
        var options = new SearchServiceOptions { Endpoint = new Uri("https://localhost:8443"), Credential = "apikey" };

        var result = new SearchServiceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Search:ApiKey is required when Search:Credential is apikey.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpEndpointAndUnknownCredential_ReportsBoth()
    {
        var options = new SearchServiceOptions { Endpoint = new Uri("http://localhost:8443"), Credential = "password" };

        var result = new SearchServiceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Search:Endpoint must be an absolute https URI (the Azure SDK accepts only https).", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Search:Credential must be 'managedidentity', 'apikey' or 'developer'.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingEndpoint_Fails()
    {
        var result = new SearchServiceOptionsValidator().Validate(null, new SearchServiceOptions());

        Assert.True(result.Failed);
        Assert.Contains("Search:Endpoint is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManagedIdentityWithHttpsEndpoint_Succeeds()
    {
        var options = new SearchServiceOptions { Endpoint = new Uri("https://archive.search.windows.net"), ClientId = "00000000-0000-0000-0000-000000000001" };

        Assert.True(new SearchServiceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("UseDevelopmentStorage=true", null, true)]
    [InlineData(null, "https://acct.blob.core.windows.net", true)]
    [InlineData("UseDevelopmentStorage=true", "https://acct.blob.core.windows.net", false)]
    public void Validate_StorageConnection_NeedsExactlyOneForm(string? connectionString, string? blobServiceUri, bool valid)
    {
        var options = new ArticlesStorageOptions { ConnectionString = connectionString, BlobServiceUri = blobServiceUri is null ? null : new Uri(blobServiceUri) };

        var result = new ArticlesStorageOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Set exactly one of ArticlesStorage (a connection string) or ArticlesStorage__blobServiceUri (identity-based).", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}

using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Archive.Core.Search;
using Azure;
using Azure.Search.Documents.Indexes;

namespace Archive.SearchEmulator.Tests;

[Collection(SearchEmulatorCollection.Name)]
public sealed class SecurityTests(ImmediateSearchEmulatorFixture fixture)
{
    [Fact]
    public async Task GetIndexNames_WrongApiKey_Throws403InAzureErrorShape()
    {
        var client = new SearchIndexClient(fixture.Endpoint, new AzureKeyCredential("wrong"), SearchClientOptionsFactory.Create(fixture.CertificatePath));

        var error = await Assert.ThrowsAsync<RequestFailedException>(async () =>
        {
            await foreach (var name in client.GetIndexNamesAsync())
            {
                Assert.Fail($"Listed {name} with a wrong key.");
            }
        });

        Assert.Equal(403, error.Status);
        Assert.Contains("api-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetServiceStatistics_PinnedCertificate_Succeeds()
    {
        var statistics = (await fixture.CreateIndexClient().GetServiceStatisticsAsync()).Value;

        Assert.True(statistics.Counters.IndexCounter.Usage >= 0);
    }

    [Fact]
    public async Task GetServiceStatistics_DifferentPinnedCertificate_IsRefused()
    {
        // Arrange: pin a freshly made certificate for the same names instead of the emulator's.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Archive Search Emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var otherPath = Path.Combine(Path.GetTempPath(), $"other-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(otherPath, other.ExportCertificatePem());
        try
        {
            var options = SearchClientOptionsFactory.Create(otherPath);
            options.Retry.MaxRetries = 0;
            var client = new SearchIndexClient(fixture.Endpoint, new AzureKeyCredential(fixture.ApiKey), options);

            // Act
            var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetServiceStatisticsAsync());

            // Assert: the TLS handshake is refused by the pinning callback, so there is no HTTP status.
            Assert.Equal(0, error.Status);
            Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
        }
        finally
        {
            File.Delete(otherPath);
        }
    }

    [Fact]
    public async Task ServiceStats_WithoutPinning_IsRefusedBecauseTheCertificateIsSelfSigned()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("api-key", fixture.ApiKey);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(fixture.Endpoint, "/servicestats")));
    }

    [Fact]
    public async Task Certificate_CoversLocalhostAndLoopbackAddress()
    {
        using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(fixture.CertificatePath));

        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.True(certificate.MatchesHostname(IPAddress.Loopback.ToString()));
    }
}

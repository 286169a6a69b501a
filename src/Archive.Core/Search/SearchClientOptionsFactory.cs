using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Search.Documents;

namespace Archive.Core.Search;

/// <summary>
/// Builds <see cref="SearchClientOptions"/> for Azure AI Search clients. When a certificate path is given (the local
/// search emulator's PEM, setting <c>Search__CertificatePath</c>), the transport accepts exactly that one server
/// certificate and nothing else; certificate validation is never switched off.
/// </summary>
public static class SearchClientOptionsFactory
{
    /// <summary>Options with the default transport, or pinned to the PEM certificate at <paramref name="certificatePath"/>.</summary>
    public static SearchClientOptions Create(string? certificatePath)
    {
        var options = new SearchClientOptions();
        if (string.IsNullOrWhiteSpace(certificatePath))
        {
            return options;
        }

        using var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        options.Transport = new HttpClientTransport(CreatePinnedHandler(pinned));
        return options;
    }

    /// <summary>An HTTP handler whose TLS validation accepts only a server certificate byte-identical to <paramref name="pinned"/>.</summary>
    public static SocketsHttpHandler CreatePinnedHandler(X509Certificate2 pinned)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        var expected = pinned.RawData;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected),
            },
        };
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Archive.SearchEmulator;

/// <summary>
/// The emulator's self-signed TLS certificate for localhost and 127.0.0.1: created on first start, kept in the data
/// folder (emulator-cert.pfx) and reused on later starts; the public part is written as PEM for clients to pin.
/// </summary>
internal static class EmulatorCertificate
{
    public const string PfxFileName = "emulator-cert.pfx";
    public const string PemFileName = "emulator-cert.pem";

    public static X509Certificate2 LoadOrCreate(EmulatorOptions options, ILogger logger)
    {
        X509Certificate2 certificate;
        var pfxPath = options.DataDirectory is null ? null : Path.Combine(options.DataDirectory, PfxFileName);
        if (pfxPath is not null && File.Exists(pfxPath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password: null, X509KeyStorageFlags.Exportable);
            Log.CertificateReused(logger, pfxPath);
        }
        else
        {
            certificate = Create();
            if (pfxPath is not null)
            {
                Directory.CreateDirectory(options.DataDirectory!);
                DurableFile.WriteAllBytes(pfxPath, certificate.Export(X509ContentType.Pkcs12));
                Log.CertificateCreated(logger, pfxPath);
            }
        }

        var pemPath = options.CertificateOutputPath
            ?? (options.DataDirectory is null ? null : Path.Combine(options.DataDirectory, PemFileName));
        if (pemPath is not null)
        {
            var folder = Path.GetDirectoryName(pemPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            DurableFile.WriteAllText(pemPath, certificate.ExportCertificatePem() + "\n");
            Log.CertificateWritten(logger, pemPath);
        }

        return certificate;
    }

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Archive Search Emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        // Round-trip through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

/// <summary>A throw-away certificate authority and a server certificate for 127.0.0.1 signed by it.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates(string commonName = "Printernizer Test CA")
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest($"CN={commonName}", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        Authority = caRequest.CreateSelfSigned(now, now.AddDays(2));

        ServerKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", ServerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = serverRequest.Create(Authority, now, now.AddDays(1), serial);
        Server = issued.CopyWithPrivateKey(ServerKey);
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    public RSA ServerKey { get; }

    public void WritePem(string directory, out string caFile, out string certFile, out string keyFile)
    {
        caFile = Path.Combine(directory, "ca.pem");
        certFile = Path.Combine(directory, "server.pem");
        keyFile = Path.Combine(directory, "server.key");
        File.WriteAllText(caFile, Authority.ExportCertificatePem());
        File.WriteAllText(certFile, Server.ExportCertificatePem());
        File.WriteAllText(keyFile, ServerKey.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        ServerKey.Dispose();
    }
}

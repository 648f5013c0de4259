using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Printernizer.Bridge.Printers.Bambu.Ftps;

/// <summary>Where and how to reach a printer's FTPS server.</summary>
/// <param name="TargetHost">The serial: the certificate's CN, and the key under which .NET caches the TLS session for resumption.</param>
/// <param name="ReuseTlsSession">False only in tests, to prove that the server really requires the reuse.</param>
internal sealed record BambuFtpsEndpoint(
    string PrinterId,
    string Host,
    int Port,
    string TargetHost,
    string AccessCode,
    Func<X509Certificate?, bool> ValidateCertificate,
    bool ReuseTlsSession = true)
{
    /// <summary>
    /// Identical options for control and data channel, so .NET on Linux picks the same cached OpenSSL
    /// context and offers the control channel's session on the data channel. TLS 1.2: newer models'
    /// FTP servers misbehave with 1.3, and vsFTPd's reuse check is reliable with 1.2 sessions.
    /// </summary>
    public SslClientAuthenticationOptions TlsOptions(bool resume) => new()
    {
        TargetHost = TargetHost,
        EnabledSslProtocols = SslProtocols.Tls12,
        AllowTlsResume = resume,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = (_, certificate, _, _) => ValidateCertificate(certificate),
    };

    // The access code must never reach a log line through a record's generated ToString.
    public override string ToString() => $"BambuFtpsEndpoint {{ PrinterId = {PrinterId}, Host = {Host}, Port = {Port} }}";
}

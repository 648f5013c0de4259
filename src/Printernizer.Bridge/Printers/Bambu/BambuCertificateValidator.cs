using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Verifies the printer's certificate: against <c>ca_file</c> (CN must be the serial; the IP never
/// matches the name), or by the pinned SHA-256 fingerprint, learned on first use. A refusal leaves
/// its reason in <see cref="LastRejection"/> for the connection loop to report.
/// </summary>
internal sealed class BambuCertificateValidator
{
    private readonly string _printerId;
    private readonly BambuSettings _settings;
    private readonly BambuCertificatePinStore _pins;
    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly string? _caProblem;

    public BambuCertificateValidator(string printerId, BambuSettings settings, BambuCertificatePinStore pins)
    {
        _printerId = printerId;
        _settings = settings;
        _pins = pins;
        if (settings.CaFile is not null && !settings.TlsInsecure)
        {
            _trustedRoots = [];
            try
            {
                _trustedRoots.ImportFromPemFile(settings.CaFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                // Refuse every certificate with the reason rather than ending the connection loop.
                _caProblem = $"printer '{printerId}': ca_file '{settings.CaFile}' cannot be read: {ex.Message}";
            }
        }
    }

    public string? LastRejection { get; private set; }

    public static string Fingerprint(X509Certificate certificate) =>
        Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));

    public bool Validate(X509Certificate? certificate)
    {
        LastRejection = null;
        if (_settings.TlsInsecure)
        {
            return true;
        }

        if (certificate is null)
        {
            return Reject($"printer '{_printerId}' presented no TLS certificate");
        }

        if (_caProblem is not null)
        {
            return Reject(_caProblem);
        }

        return _trustedRoots is null ? ValidatePin(certificate) : ValidateChain(certificate);
    }

    private bool ValidatePin(X509Certificate certificate)
    {
        var actual = Fingerprint(certificate);
        var pinned = _pins.Read(_printerId);
        if (pinned is null)
        {
            _pins.Write(_printerId, actual);
            return true;
        }

        if (string.Equals(pinned, actual, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Reject(
            $"printer '{_printerId}' presented a TLS certificate with SHA-256 fingerprint {actual}, " +
            $"but {pinned} is pinned in {_pins.PathFor(_printerId)}; if the printer was really replaced or reset, delete that file");
    }

    private bool ValidateChain(X509Certificate certificate)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedRoots!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        if (!chain.Build(leaf))
        {
            return Reject($"printer '{_printerId}' presented a TLS certificate not issued by the CA in '{_settings.CaFile}'");
        }

        var commonName = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return string.Equals(commonName, _settings.Serial, StringComparison.OrdinalIgnoreCase)
            || Reject($"printer '{_printerId}' presented a TLS certificate for '{commonName}', expected its serial '{_settings.Serial}'");
    }

    private bool Reject(string reason)
    {
        LastRejection = reason;
        return false;
    }
}

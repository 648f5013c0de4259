using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Tls;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>Trust on first use, refusal of a changed certificate, <c>tls_insecure</c>, and CN checks against a CA.</summary>
public sealed class BambuCertificateValidatorTests : IDisposable
{
    private readonly string _stateDir = Directory.CreateTempSubdirectory("bambu-pins-").FullName;

    [Fact]
    public void Validate_FirstCertificate_IsPinnedInStateDir()
    {
        using var certificate = SelfSignedCertificateFactory.Create("SERIAL1", TimeProvider.System);
        var pins = new BambuCertificatePinStore(_stateDir);

        Assert.True(Validator(Settings(), pins).Validate(certificate));
        Assert.Equal(SelfSignedCertificateFactory.Sha256(certificate), File.ReadAllText(Path.Combine(_stateDir, "bambu", "x1c.pin")).Trim());
        Assert.True(Validator(Settings(), pins).Validate(certificate));
    }

    [Fact]
    public void Validate_ChangedCertificate_IsRefusedNamingPrinterAndBothFingerprints()
    {
        using var first = SelfSignedCertificateFactory.Create("SERIAL1", TimeProvider.System);
        using var second = SelfSignedCertificateFactory.Create("SERIAL1", TimeProvider.System);
        var validator = Validator(Settings(), new BambuCertificatePinStore(_stateDir));
        validator.Validate(first);

        Assert.False(validator.Validate(second));
        Assert.Contains("'x1c'", validator.LastRejection);
        Assert.Contains(SelfSignedCertificateFactory.Sha256(first), validator.LastRejection);
        Assert.Contains(SelfSignedCertificateFactory.Sha256(second), validator.LastRejection);
    }

    [Fact]
    public void Validate_Insecure_AcceptsAnythingAndPinsNothing()
    {
        using var certificate = SelfSignedCertificateFactory.Create("SERIAL1", TimeProvider.System);

        Assert.True(Validator(Settings() with { TlsInsecure = true }, new BambuCertificatePinStore(_stateDir)).Validate(certificate));
        Assert.False(Directory.Exists(Path.Combine(_stateDir, "bambu")));
    }

    [Fact]
    public void Validate_CaFile_AcceptsIssuedSerialAndRefusesOtherCn()
    {
        using var root = SelfSignedCertificateFactory.Create("SERIAL1", TimeProvider.System);
        using var other = SelfSignedCertificateFactory.Create("OTHER", TimeProvider.System);
        var caFile = Path.Combine(_stateDir, "ca.pem");
        File.WriteAllText(caFile, root.ExportCertificatePem());
        var validator = Validator(Settings() with { CaFile = caFile }, new BambuCertificatePinStore(_stateDir));

        Assert.True(validator.Validate(root));
        Assert.False(validator.Validate(other));
        Assert.Contains("not issued by the CA", validator.LastRejection);
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private static BambuSettings Settings() =>
        new("SERIAL1", "12345678", null, false, BambuSettings.DefaultWatchdog, BambuSettings.DefaultAuthRetry);

    private static BambuCertificateValidator Validator(BambuSettings settings, BambuCertificatePinStore pins) => new("x1c", settings, pins);
}

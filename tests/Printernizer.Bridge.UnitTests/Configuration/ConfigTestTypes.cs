using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.UnitTests.Configuration;

/// <summary>Fake <c>bambu_lab</c> and <c>prusa</c> types that read the keys SPEC §6 lists for them.</summary>
internal static class ConfigTestTypes
{
    /// <summary>Reads serial, access_code, ca_file, tls_insecure, watchdog; like the real type it rejects a short access code.</summary>
    public static FakePrinterType Bambu() => new(
        "bambu_lab",
        8883,
        [
            new FakeKey("serial", FakeKeyKind.String, Required: true),
            new FakeKey("access_code", FakeKeyKind.String, Required: true),
            new FakeKey("ca_file", FakeKeyKind.String),
            new FakeKey("tls_insecure", FakeKeyKind.Bool),
            new FakeKey("watchdog", FakeKeyKind.Duration) { MinDuration = TimeSpan.FromSeconds(5) },
        ],
        ValidateAccessCode);

    public static FakePrinterType Prusa() => new(
        "prusa",
        80,
        [
            new FakeKey("username", FakeKeyKind.String),
            new FakeKey("password", FakeKeyKind.String),
            new FakeKey("api_key", FakeKeyKind.String),
            new FakeKey("poll_active", FakeKeyKind.Duration),
            new FakeKey("poll_idle", FakeKeyKind.Duration),
        ]);

    public static PrinterTypeRegistry Registry() => new([Bambu(), Prusa()]);

    // Deliberately careless: it quotes the value, so the tests can show that the loader blanks it out.
    private static void ValidateAccessCode(IPrinterSettingsReader reader, FakePrinterSettings settings)
    {
        if (settings["access_code"] is string code && code.Length != 8)
        {
            reader.Problem("access_code", $"must be 8 characters, got '{code}'");
        }
    }
}

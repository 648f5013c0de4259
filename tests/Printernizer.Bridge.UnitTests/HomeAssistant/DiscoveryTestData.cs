using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.HomeAssistant;
using Printernizer.Bridge.Publishing;

namespace Printernizer.Bridge.UnitTests.HomeAssistant;

/// <summary>Printers and a builder shared by the discovery tests.</summary>
internal static class DiscoveryTestData
{
    public const string BridgeVersion = "1.2.3";
    public const string SupportUrl = "https://github.com/printernizer/printernizer-bridge";

    public static PrinterCapabilities AllCapabilities { get; } = new(true, true, true, true, true, true, true, true, true);

    public static PrinterCapabilities NoCapabilities { get; } = new(false, false, false, false, false, false, false, false, false);

    public static TopicLayout Topics() => new("printernizer", "homeassistant");

    public static DiscoveryPayloadBuilder Builder() => new(Topics(), BridgeVersion, SupportUrl);

    public static PrinterDefinition X1C { get; } =
        new("x1c", "Workshop X1C", "bambu_lab", "192.168.1.50", 8883, null, new NoSettings());

    public static PrinterDefinition Mk4 { get; } =
        new("mk4", "MK4", "prusa", "192.168.1.60", 80, "MK4", new NoSettings());

    public static PrinterState X1CState(PrinterCapabilities capabilities) => new()
    {
        PrinterId = "x1c",
        Online = true,
        HasData = true,
        Status = PrinterStatus.Printing,
        Model = "X1 Carbon",
        Firmware = "01.08.02.00",
        Serial = "00M00A000000000",
        Capabilities = capabilities,
    };

    public static PrinterState Mk4State() => new()
    {
        PrinterId = "mk4",
        HasData = true,
        Capabilities = PrinterCapabilities.Minimal,
    };

    private sealed class NoSettings : IPrinterSettings;
}

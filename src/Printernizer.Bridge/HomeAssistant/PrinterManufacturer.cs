namespace Printernizer.Bridge.HomeAssistant;

/// <summary>The device registry's manufacturer for a configured printer type.</summary>
internal static class PrinterManufacturer
{
    public static string FromType(string type) => type switch
    {
        "bambu_lab" => "Bambu Lab",
        "prusa" => "Prusa Research",
        _ => type,
    };
}

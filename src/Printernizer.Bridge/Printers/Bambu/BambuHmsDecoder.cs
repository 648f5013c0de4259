using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Turns the <c>hms</c> array of <c>{attr, code}</c> into readable entries.</summary>
internal static class BambuHmsDecoder
{
    private const string WikiBase = "https://wiki.bambulab.com/en/x1/troubleshooting/hmscode/";

    private static readonly FrozenDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["0C00_0300_0003_0007"] = "Possible first layer defects have been detected.",
        ["0500_0500_0001_0007"] = "MQTT command verification failed; the firmware requires signed commands.",
        ["0300_0100_0001_0007"] = "The heatbed temperature is abnormal.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyList<HmsEntry> Decode(JsonNode? hms)
    {
        List<HmsEntry>? entries = null;
        foreach (var item in BambuJson.Objects(hms))
        {
            if (BambuJson.Long(item["attr"]) is not { } attr || BambuJson.Long(item["code"]) is not { } code)
            {
                continue;
            }

            (entries ??= []).Add(Decode(attr, code));
        }

        if (entries is null)
        {
            return [];
        }

        return entries;
    }

    public static HmsEntry Decode(long attr, long code)
    {
        var a = unchecked((uint)attr);
        var c = unchecked((uint)code);
        var formatted = string.Create(CultureInfo.InvariantCulture, $"{a >> 16:X4}_{a & 0xFFFF:X4}_{c >> 16:X4}_{c & 0xFFFF:X4}");
        var severity = (c >> 16) switch
        {
            1 => "fatal",
            2 => "serious",
            3 => "common",
            4 => "info",
            _ => "unknown",
        };
        return new HmsEntry(formatted, severity, Texts.GetValueOrDefault(formatted), WikiBase + formatted);
    }
}

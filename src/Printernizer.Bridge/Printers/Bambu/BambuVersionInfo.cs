using System.Text.Json.Nodes;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Model and firmware from the <c>info.get_version</c> reply.</summary>
internal sealed record BambuVersionInfo(string? Model, string? Firmware)
{
    public static BambuVersionInfo Unknown { get; } = new(null, null);

    /// <summary>Reads the <c>info</c> object of a <c>get_version</c> reply; the <c>ota</c> module carries the firmware.</summary>
    public static BambuVersionInfo Parse(JsonObject info)
    {
        var modules = BambuJson.Objects(info["module"]).ToList();
        var ota = modules.FirstOrDefault(m => BambuJson.String(m["name"]) == "ota");
        var esp = modules.FirstOrDefault(m => BambuJson.String(m["name"]) is "esp32" or "ap");
        var model = BambuModelCatalog.FromProductName(BambuJson.String(ota?["product_name"]))
            ?? BambuModelCatalog.FromProject(BambuJson.String(ota?["project_name"]), BambuJson.String(esp?["hw_ver"]));
        return new BambuVersionInfo(model, BambuJson.Text(ota?["sw_ver"]));
    }
}

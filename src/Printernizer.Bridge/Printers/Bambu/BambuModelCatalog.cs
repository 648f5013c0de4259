using System.Collections.Frozen;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>Model facts from the protocol notes (§8): chamber sensor, fans, lights, delta reports.</summary>
internal static class BambuModelCatalog
{
    private static readonly FrozenDictionary<string, BambuModel> Models = new BambuModel[]
    {
        new("X1C", ChamberSensor: true, ChamberHeater: false, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
        new("X1", ChamberSensor: true, ChamberHeater: false, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
        new("X1E", ChamberSensor: true, ChamberHeater: true, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
        new("P1P", ChamberSensor: false, ChamberHeater: false, AuxFan: true, ChamberFan: true, WorkLight: false, SendsDeltas: true),
        new("P1S", ChamberSensor: false, ChamberHeater: false, AuxFan: true, ChamberFan: true, WorkLight: false, SendsDeltas: true),
        new("A1", ChamberSensor: false, ChamberHeater: false, AuxFan: false, ChamberFan: false, WorkLight: false, SendsDeltas: true),
        new("A1 mini", ChamberSensor: false, ChamberHeater: false, AuxFan: false, ChamberFan: false, WorkLight: false, SendsDeltas: true),
        new("H2D", ChamberSensor: true, ChamberHeater: true, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
        new("H2S", ChamberSensor: true, ChamberHeater: true, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
        new("H2C", ChamberSensor: true, ChamberHeater: true, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
        new("P2S", ChamberSensor: true, ChamberHeater: false, AuxFan: true, ChamberFan: true, WorkLight: false, SendsDeltas: true),
        new("X2D", ChamberSensor: true, ChamberHeater: true, AuxFan: true, ChamberFan: true, WorkLight: true, SendsDeltas: false),
    }.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

    public static BambuModel? Find(string? name) => name is null ? null : Models.GetValueOrDefault(name);

    /// <summary>Maps <c>product_name</c> ("Bambu Lab X1-Carbon") to the short model name.</summary>
    public static string? FromProductName(string? productName)
    {
        if (string.IsNullOrWhiteSpace(productName))
        {
            return null;
        }

        var name = productName.Replace("Bambu Lab", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        return name switch
        {
            "X1-Carbon" or "X1 Carbon" => "X1C",
            _ => name,
        };
    }

    /// <summary>Older firmware has no <c>product_name</c>: <c>project_name</c> and the esp32 <c>hw_ver</c> tell the model.</summary>
    public static string? FromProject(string? project, string? espHardware) => (project, espHardware) switch
    {
        ("C11", _) => "P1P",
        ("C12", _) => "P1S",
        ("N2S", _) => "A1",
        ("N1", _) => "A1 mini",
        (_, "AP02") => "X1E",
        ("" or null, "AP05") => "X1C",
        _ => null,
    };
}

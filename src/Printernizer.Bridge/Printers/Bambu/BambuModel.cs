namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>What a Bambu model has, as far as the normalized state is concerned.</summary>
/// <param name="SendsDeltas">P1/A1 send only changed fields and need an occasional <c>pushall</c>.</param>
internal sealed record BambuModel(
    string Name,
    bool ChamberSensor,
    bool ChamberHeater,
    bool AuxFan,
    bool ChamberFan,
    bool WorkLight,
    bool SendsDeltas);

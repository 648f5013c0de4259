namespace Printernizer.Simulators.Bambu;

/// <summary>Which printer the simulator plays: X1C sends full reports, P1S and A1 mini send deltas (<c>msg: 1</c>).</summary>
internal enum BambuSimulatorProfile
{
    X1C,
    P1S,
    A1Mini,
}

namespace Printernizer.Simulators.Prusa;

/// <summary>Which PrusaLink server the simulator imitates.</summary>
internal enum PrusaFlavour
{
    /// <summary>PrusaLink inside the Buddy firmware: Digest without qop, user <c>maker</c>, realm <c>Printer API</c>.</summary>
    Buddy,

    /// <summary>PrusaLink on a Raspberry Pi: Digest with qop, realm <c>Administrator</c>, storage array.</summary>
    Pi,
}

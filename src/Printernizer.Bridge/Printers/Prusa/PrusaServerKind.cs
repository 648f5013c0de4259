namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>Which PrusaLink implementation answers.</summary>
internal enum PrusaServerKind
{
    Unknown,

    /// <summary>PrusaLink inside the Buddy firmware (MK4, MK3.9, MK3.5, XL, MINI+, Core One).</summary>
    Buddy,

    /// <summary>The standalone PrusaLink on a Raspberry Pi (MK3S, MK2.5).</summary>
    Pi,
}

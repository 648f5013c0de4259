namespace Printernizer.Simulators.Bambu;

/// <summary>Ways the simulated printer misbehaves.</summary>
internal enum BambuSimulatorFault
{
    None,

    /// <summary>The session stays up but nothing is published and requests go unanswered (the P1 stale-broker bug).</summary>
    Silent,

    /// <summary>Every connected client is dropped on each tick.</summary>
    Disconnect,

    /// <summary>Every CONNECT is refused as not authorized, even with the right access code.</summary>
    WrongCredentials,

    /// <summary>Each tick also publishes one hostile payload (invalid JSON, Latin-1, wrong types, oversize, deep nesting).</summary>
    Malformed,
}

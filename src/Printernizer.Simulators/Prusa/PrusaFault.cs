namespace Printernizer.Simulators.Prusa;

/// <summary>Misbehaviour to inject, applied to every request until cleared.</summary>
internal enum PrusaFault
{
    None,

    /// <summary>Answers after <see cref="PrusaSimulatorOptions.SlowDelay"/>.</summary>
    Slow,

    /// <summary>503, as the Pi answers when it lost the serial link to the printer.</summary>
    ServiceUnavailable,

    /// <summary>Closes the connection without answering.</summary>
    Drop,

    /// <summary>JSON endpoints answer 200 with a truncated body.</summary>
    BadJson,

    /// <summary>Every credential is refused, as after the password was changed on the printer.</summary>
    BadCredentials,
}

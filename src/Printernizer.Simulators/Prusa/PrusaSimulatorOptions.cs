using System.Net;

namespace Printernizer.Simulators.Prusa;

/// <summary>How one simulated PrusaLink printer behaves.</summary>
internal sealed record PrusaSimulatorOptions
{
    public PrusaFlavour Flavour { get; init; } = PrusaFlavour.Buddy;

    /// <summary>Digest user: fixed <c>maker</c> on Buddy, chosen in the setup wizard on the Pi.</summary>
    public string Username { get; init; } = "maker";

    /// <summary>Digest password; on Buddy it is also the accepted <c>X-Api-Key</c>.</summary>
    public string Password { get; init; } = "prusa-sim";

    /// <summary>Pi: the optional API key (null = none configured). Buddy: an extra key besides the password.</summary>
    public string? ApiKey { get; init; }

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Printing time of a started job.</summary>
    public TimeSpan JobDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Print time advances in whole ticks, so progress moves in visible steps.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Buddy accepts a nonce for 300 s, then answers <c>stale=true</c>.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromSeconds(300);

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Buddy closes idle keep-alive connections after 60 s.</summary>
    public TimeSpan IdleConnectionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Buddy's <c>ACTIVE_CONNS</c>.</summary>
    public int ConnectionSlots { get; init; } = 3;

    /// <summary>Null: <c>prusa-core-one</c> on Buddy, <c>mk3</c> on the Pi.</summary>
    public string? Hostname { get; init; }

    public string Serial { get; init; } = "10859-3472414637128135";

    /// <summary>The long name of the file a started job prints.</summary>
    public string JobFileName { get; init; } = "benchy_0.4n_0.2mm_PLA_COREONE_12m.bgcode";

    /// <summary>Buddy's loaded filament as the legacy printer endpoint reports it.</summary>
    public string Material { get; init; } = "PLA";

    public int FirstJobId { get; init; } = 100;

    /// <summary>The folder served as the printer's storage (<c>usb</c> on Buddy, <c>local</c> on the Pi); null = no storage.</summary>
    public string? FilesDirectory { get; init; }

    public string EffectiveHostname => Hostname ?? (Flavour == PrusaFlavour.Buddy ? "prusa-core-one" : "mk3");

    public string Realm => Flavour == PrusaFlavour.Buddy ? "Printer API" : "Administrator";

    // Records print every property; the password must not reach a log line.
    public override string ToString() => $"PrusaSimulatorOptions {{ Flavour = {Flavour}, Username = {Username}, Port = {Port} }}";
}

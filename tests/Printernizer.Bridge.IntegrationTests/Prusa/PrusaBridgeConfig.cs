using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>
/// A <see cref="BridgeConfig"/> as <c>config.yaml</c> would give it, whose Prusa printers point at
/// simulators on loopback, with intervals short enough for tests.
/// </summary>
internal static class PrusaBridgeConfig
{
    public static BridgeConfig Create(TestBroker broker, string stateDir, IEnumerable<PrinterDefinition> printers)
    {
        var mqtt = new MqttSettings(
            $"mqtt://{broker.Host}:{broker.Port}", false, broker.Host, broker.Port, false, null, false, null, null,
            "printernizer", "homeassistant", "printernizer-prusa-" + Guid.NewGuid().ToString("N")[..6], true);
        return new BridgeConfig(mqtt, printers.ToArray(), stateDir, Control: true, "debug");
    }

    /// <summary>A <c>type: prusa</c> entry for <paramref name="simulator"/>; the model is learned from the printer.</summary>
    public static PrinterDefinition Printer(string id, PrusaLinkSimulator simulator, PrusaSettings settings) =>
        new(id, id.ToUpperInvariant(), "prusa", simulator.Options.Address.ToString(), simulator.Port, null, settings);

    /// <summary>The simulator's credentials, polls every 200 ms / 500 ms, quick backoff, auth retry after an hour.</summary>
    public static PrusaSettings FastSettings(PrusaSimulatorOptions simulator) =>
        new(simulator.Username, simulator.Password, null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(1))
        {
            RequestTimeout = TimeSpan.FromSeconds(3),
            BackoffBase = TimeSpan.FromMilliseconds(100),
            BackoffCap = TimeSpan.FromMilliseconds(500),
            FastPollWindow = TimeSpan.FromSeconds(2),
        };

    /// <summary>A simulator whose started job prints for <paramref name="jobDuration"/>, progress moving every 100 ms.</summary>
    public static PrusaSimulatorOptions Simulator(PrusaFlavour flavour, TimeSpan jobDuration, string? hostname = null) => new()
    {
        Flavour = flavour,
        Username = flavour == PrusaFlavour.Buddy ? "maker" : "pi-admin",
        Password = "right-password",
        JobDuration = jobDuration,
        Tick = TimeSpan.FromMilliseconds(100),
        Hostname = hostname,
    };
}

using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>One simulated Bambu printer in a bridge test, with what its <c>config.yaml</c> entry adds.</summary>
/// <param name="Id">The printer id in topics.</param>
/// <param name="AccessCode">The configured access code; null means the simulator's (right) one.</param>
/// <param name="ExtraYaml">More keys of the printer entry, e.g. <c>watchdog: 2s</c>.</param>
internal sealed record BambuBridgePrinter(string Id, BambuSimulatorOptions Simulator, string? AccessCode = null, string ExtraYaml = "");

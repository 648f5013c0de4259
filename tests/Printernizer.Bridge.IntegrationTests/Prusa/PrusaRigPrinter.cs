using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>One printer of a <see cref="PrusaBridgeRig"/>: its simulator and what the bridge is configured with for it.</summary>
internal sealed record PrusaRigPrinter(string Id, PrusaSimulatorOptions Simulator, Func<PrusaSettings, PrusaSettings>? Settings = null);

using System.Text.Json.Nodes;

namespace Printernizer.Simulators.Prusa;

/// <summary>The legacy OctoPrint-style bodies the bridge still reads (the loaded material).</summary>
internal sealed class PrusaSimLegacyBodies
{
    private readonly PrusaSimulatorOptions _options;

    public PrusaSimLegacyBodies(PrusaSimulatorOptions options)
    {
        _options = options;
    }

    /// <summary>Legacy <c>/api/printer</c>: only used for the loaded material.</summary>
    public string LegacyPrinter(PrusaSimSnapshot s)
    {
        var printing = s.State is "PRINTING" or "PAUSED";
        return new JsonObject
        {
            ["telemetry"] = new JsonObject
            {
                ["temp-bed"] = printing ? 60.1 : 21.4,
                ["temp-nozzle"] = printing ? 214.8 : 23.0,
                ["print-speed"] = 100,
                ["z-height"] = 89.3,
                ["material"] = _options.Flavour == PrusaFlavour.Buddy ? _options.Material : " - ",
            },
            ["temperature"] = new JsonObject
            {
                ["tool0"] = new JsonObject { ["actual"] = printing ? 214.8 : 23.0, ["target"] = printing ? 215.0 : 0.0 },
                ["bed"] = new JsonObject { ["actual"] = printing ? 60.1 : 21.4, ["target"] = printing ? 60.0 : 0.0 },
            },
            ["state"] = new JsonObject
            {
                ["text"] = printing ? "Printing" : "Operational",
                ["flags"] = new JsonObject { ["printing"] = printing, ["paused"] = s.State == "PAUSED", ["link_state"] = s.State },
            },
        }.ToJsonString();
    }
}

using System.Globalization;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>
/// <c>fleet [--bambu N] [--prusa N] [--hz RATE] [--duration SECONDS] [--runs N] [--broker mqtt://host:port] [--stamp-every N] [--out DIR] [--bridge-log FILE] [--bridge-metrics PORT] [--bridge-dll PATH] [--bridge-env NAME=VALUE]...</c>
/// and <c>peak [--printers N] [--step SECONDS] [--runs N] [--broker URL] [--trace] [--out DIR]</c>.
/// </summary>
internal sealed record FleetArguments
{
    public const string Usage =
        "usage: fleet [--bambu N] [--prusa N] [--hz RATE] [--duration SECONDS] [--runs N] [--broker mqtt://host:port] [--stamp-every N] [--out DIR] [--bridge-log FILE] [--bridge-metrics PORT] [--bridge-dll PATH] [--bridge-env NAME=VALUE]...\n" +
        "       peak [--printers N] [--step SECONDS] [--runs N] [--broker mqtt://host:port] [--trace] [--out DIR]";

    public required bool Peak { get; init; }
    public int Bambu { get; init; } = 1000;
    public int Prusa { get; init; } = 100;
    public double Hz { get; init; } = 1;
    public int DurationSeconds { get; init; } = 60;
    public int Runs { get; init; } = 3;
    public Uri? Broker { get; init; }

    /// <summary>A Bambu printer's layer (the latency stamp) changes every this many reports, as a layer changes every few seconds in a real print.</summary>
    public int StampEvery { get; init; } = 5;

    public int StepSeconds { get; init; } = 10;

    /// <summary>Peak: record a CPU sample trace of the bridge with dotnet-trace during the highest step.</summary>
    public bool Trace { get; init; }

    public string? OutputDirectory { get; init; }

    /// <summary>Where to write the bridge's console output (for diagnosis); not kept by default.</summary>
    public string? BridgeLog { get; init; }

    /// <summary>Turns on the bridge's metrics listener on this loopback port, to watch its queues during a run (for diagnosis).</summary>
    public int? BridgeMetricsPort { get; init; }

    /// <summary>Runs this bridge build instead of the solution's Release build (e.g. a ReadyToRun publish).</summary>
    public string? BridgeDll { get; init; }

    /// <summary>Environment for the bridge process only (e.g. a runtime setting to compare); the simulator and broker do not get it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BridgeEnvironment { get; init; } = [];

    public static FleetArguments Parse(string[] args)
    {
        var peak = args[0] == "peak";
        var parsed = new FleetArguments { Peak = peak, Bambu = peak ? 4 : 1000, Prusa = peak ? 0 : 100 };
        for (var i = 1; i < args.Length; i++)
        {
            parsed = args[i] switch
            {
                "--bambu" or "--printers" => parsed with { Bambu = Int(args[++i]) },
                "--prusa" => parsed with { Prusa = Int(args[++i]) },
                "--hz" => parsed with { Hz = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--duration" => parsed with { DurationSeconds = Int(args[++i]) },
                "--runs" => parsed with { Runs = Math.Max(1, Int(args[++i])) },
                "--broker" => parsed with { Broker = new Uri(args[++i]) },
                "--stamp-every" => parsed with { StampEvery = Math.Max(1, Int(args[++i])) },
                "--step" => parsed with { StepSeconds = Int(args[++i]) },
                "--trace" => parsed with { Trace = true },
                "--out" => parsed with { OutputDirectory = args[++i] },
                "--bridge-log" => parsed with { BridgeLog = args[++i] },
                "--bridge-metrics" => parsed with { BridgeMetricsPort = Int(args[++i]) },
                "--bridge-dll" => parsed with { BridgeDll = Path.GetFullPath(args[++i]) },
                "--bridge-env" => parsed with { BridgeEnvironment = [.. parsed.BridgeEnvironment, Variable(args[++i])] },
                _ => throw new FormatException($"unknown argument '{args[i]}'"),
            };
        }

        return parsed;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> Variable(string value) =>
        value.IndexOf('=', StringComparison.Ordinal) is > 0 and var at
            ? new(value[..at], value[(at + 1)..])
            : throw new FormatException($"--bridge-env wants NAME=VALUE, got '{value}'");
}

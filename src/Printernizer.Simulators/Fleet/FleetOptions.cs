using Printernizer.Simulators.Bambu;

namespace Printernizer.Simulators.Fleet;

/// <summary>What <c>fleet</c> starts; see <see cref="FleetCli"/>.</summary>
internal sealed record FleetOptions
{
    public int Bambu { get; init; }
    public int Prusa { get; init; }

    /// <summary>Bambu reports per second per printer.</summary>
    public double Hz { get; init; } = 1;

    public BambuSimulatorProfile Profile { get; init; } = BambuSimulatorProfile.P1S;
    public int StampEvery { get; init; }
    public long StampEpoch { get; init; }
    public TimeSpan JobDuration { get; init; } = TimeSpan.FromHours(4);
    public TimeSpan StatsInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}

using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.Hosting.Demo;

/// <summary>
/// The demo's printers: an X1C (full reports), a P1S (deltas) and an MK4 (PrusaLink on Buddy
/// firmware), each a simulator speaking the real protocol on loopback.
/// </summary>
internal sealed class DemoFleet : IAsyncDisposable
{
    private DemoFleet(BambuSimulator x1c, BambuSimulator p1s, PrusaLinkSimulator mk4)
    {
        X1c = x1c;
        P1s = p1s;
        Mk4 = mk4;
    }

    public BambuSimulator X1c { get; }

    public BambuSimulator P1s { get; }

    public PrusaLinkSimulator Mk4 { get; }

    public static async Task<DemoFleet> StartAsync(TimeSpan jobDuration, CancellationToken cancellationToken)
    {
        var x1c = await BambuSimulator.StartAsync(
            new BambuSimulatorOptions { Serial = "00M09A350100001", AccessCode = "demo1234", Profile = BambuSimulatorProfile.X1C, JobDuration = jobDuration, ReportedJobMinutes = Minutes(jobDuration) },
            cancellationToken).ConfigureAwait(false);
        var p1s = await BambuSimulator.StartAsync(
            new BambuSimulatorOptions { Serial = "01P09C470100002", AccessCode = "demo5678", Profile = BambuSimulatorProfile.P1S, JobDuration = jobDuration * 0.8, ReportedJobMinutes = Minutes(jobDuration * 0.8) },
            cancellationToken).ConfigureAwait(false);
        var mk4 = await PrusaLinkSimulator.StartAsync(
            new PrusaSimulatorOptions { Flavour = PrusaFlavour.Buddy, Password = "demo-prusa", Hostname = "prusa-mk4", JobDuration = jobDuration * 0.9 },
            cancellationToken).ConfigureAwait(false);
        return new DemoFleet(x1c, p1s, mk4);
    }

    public IReadOnlyList<PrinterDefinition> Definitions() =>
    [
        Bambu("x1c", "Demo X1C", X1c),
        Bambu("p1s", "Demo P1S", P1s),
        new PrinterDefinition(
            "mk4", "Demo MK4", "prusa", "127.0.0.1", Mk4.Port, "MK4",
            new PrusaSettings(PrusaSettings.DefaultUsername, Mk4.Options.Password, null, PrusaSettings.DefaultPollActive, TimeSpan.FromSeconds(5), PrusaSettings.DefaultAuthRetry)),
    ];

    public async ValueTask DisposeAsync()
    {
        await X1c.DisposeAsync().ConfigureAwait(false);
        await P1s.DisposeAsync().ConfigureAwait(false);
        await Mk4.DisposeAsync().ConfigureAwait(false);
    }

    private static int Minutes(TimeSpan duration) => Math.Max(1, (int)Math.Ceiling(duration.TotalMinutes));

    private static PrinterDefinition Bambu(string id, string name, BambuSimulator simulator) =>
        new(id, name, "bambu_lab", simulator.Host, simulator.Port, null,
            new BambuSettings(simulator.Serial, simulator.AccessCode, null, false, BambuSettings.DefaultWatchdog, BambuSettings.DefaultAuthRetry));
}

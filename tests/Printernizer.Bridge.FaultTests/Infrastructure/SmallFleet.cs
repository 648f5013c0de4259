using Printernizer.Bridge.Configuration;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>One simulated Bambu X1C and one PrusaLink MK4, both printing a long job.</summary>
internal sealed class SmallFleet : IAsyncDisposable
{
    private SmallFleet(BambuSimulator bambu, PrusaLinkSimulator prusa)
    {
        Bambu = bambu;
        Prusa = prusa;
    }

    public const string BambuId = "x1c";
    public const string PrusaId = "mk4";

    public BambuSimulator Bambu { get; }

    public PrusaLinkSimulator Prusa { get; }

    public IReadOnlyList<string> Ids => [BambuId, PrusaId];

    public IReadOnlyList<string> Secrets => [Bambu.AccessCode, Prusa.Options.Password];

    public static async Task<SmallFleet> StartAsync(bool printing = true)
    {
        var bambu = await BambuSimulator.StartAsync(SimulatedPrinters.BambuOptions(1));
        var prusa = await PrusaLinkSimulator.StartAsync(SimulatedPrinters.PrusaOptions(1));
        if (printing)
        {
            bambu.StartJob("fault-benchy");
            prusa.StartJob();
        }

        return new SmallFleet(bambu, prusa);
    }

    public IReadOnlyList<PrinterDefinition> Definitions(TimeSpan? bambuCommandTimeout = null) =>
    [
        SimulatedPrinters.Bambu(BambuId, Bambu, commandTimeout: bambuCommandTimeout),
        SimulatedPrinters.Prusa(PrusaId, Prusa),
    ];

    public async ValueTask DisposeAsync()
    {
        await Bambu.DisposeAsync();
        await Prusa.DisposeAsync();
    }
}

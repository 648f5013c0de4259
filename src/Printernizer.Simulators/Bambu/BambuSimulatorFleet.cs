using System.Globalization;

namespace Printernizer.Simulators.Bambu;

/// <summary>
/// Many simulated printers in one process, each with its own broker on its own port (as real
/// printers are separate hosts), for the demo mode and for benchmarks.
/// </summary>
internal sealed class BambuSimulatorFleet : IAsyncDisposable
{
    private readonly List<BambuSimulator> _printers;

    private BambuSimulatorFleet(List<BambuSimulator> printers)
    {
        _printers = printers;
    }

    public IReadOnlyList<BambuSimulator> Printers => _printers;

    /// <param name="template">Options for every printer; serials are numbered, ports follow <paramref name="firstPort"/> (0 = any free port).</param>
    public static async Task<BambuSimulatorFleet> StartAsync(int count, BambuSimulatorOptions template, int firstPort = 0, CancellationToken cancellationToken = default)
    {
        var printers = new List<BambuSimulator>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var options = template with
                {
                    Serial = SerialFor(template.Profile, i),
                    Profile = template.Profile,
                    Port = firstPort == 0 ? 0 : firstPort + i,
                };
                printers.Add(await BambuSimulator.StartAsync(options, cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            await new BambuSimulatorFleet(printers).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new BambuSimulatorFleet(printers);
    }

    /// <summary>Serial prefixes of the real models (X1C 00M, P1S 01P, A1 mini 030), 15 characters.</summary>
    public static string SerialFor(BambuSimulatorProfile profile, int index)
    {
        var prefix = profile switch
        {
            BambuSimulatorProfile.X1C => "00M09A",
            BambuSimulatorProfile.P1S => "01P00A",
            _ => "0300AA",
        };
        return prefix + (index + 1).ToString("D9", CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var printer in _printers)
        {
            await printer.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Printer definitions pointing at simulators, with the short intervals a fault test needs.</summary>
internal static class SimulatedPrinters
{
    public static PrinterDefinition Bambu(
        string id, BambuSimulator simulator, int? port = null, string? accessCode = null, TimeSpan? watchdog = null,
        TimeSpan? authRetry = null, TimeSpan? commandTimeout = null, TimeSpan? reconnectCap = null) =>
        new(id, id.ToUpperInvariant(), "bambu_lab", simulator.Host, port ?? simulator.Port, null,
            new BambuSettings(simulator.Serial, accessCode ?? simulator.AccessCode, null, false, watchdog ?? TimeSpan.FromSeconds(10), authRetry ?? TimeSpan.FromSeconds(5))
            {
                ReconnectBase = TimeSpan.FromMilliseconds(500),
                ReconnectCap = reconnectCap ?? TimeSpan.FromSeconds(3),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(10),
                KeepAlive = TimeSpan.FromSeconds(10),
            });

    public static PrinterDefinition Prusa(
        string id, PrusaLinkSimulator simulator, int? port = null, string? password = null, string? apiKey = null,
        TimeSpan? authRetry = null, TimeSpan? backoffCap = null, TimeSpan? pollActive = null, TimeSpan? pollIdle = null) =>
        new(id, id.ToUpperInvariant(), "prusa", "127.0.0.1", port ?? simulator.Port, null,
            new PrusaSettings(
                PrusaSettings.DefaultUsername, apiKey is null ? password ?? simulator.Options.Password : null, apiKey,
                pollActive ?? TimeSpan.FromSeconds(1), pollIdle ?? TimeSpan.FromSeconds(2), authRetry ?? TimeSpan.FromSeconds(5))
            {
                RequestTimeout = TimeSpan.FromSeconds(3),
                BackoffBase = TimeSpan.FromMilliseconds(500),
                BackoffCap = backoffCap ?? TimeSpan.FromSeconds(3),
            });

    public static BambuSimulatorOptions BambuOptions(int index, TimeSpan? jobDuration = null, BambuSimulatorProfile? profile = null) => new()
    {
        Serial = $"00M09A3501{index:00000}",
        AccessCode = $"bac{index:00000}x",
        Profile = profile ?? BambuSimulatorProfile.X1C,
        JobDuration = jobDuration ?? TimeSpan.FromMinutes(10),
        ReportedJobMinutes = 30,
    };

    public static PrusaSimulatorOptions PrusaOptions(int index, TimeSpan? jobDuration = null) => new()
    {
        Password = $"prusa-pw-{index:0000}",
        Serial = $"10859-34724146{index:00000}",
        FirstJobId = 100 + (index * 1000),
        JobDuration = jobDuration ?? TimeSpan.FromMinutes(10),
    };
}

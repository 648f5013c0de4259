using System.Globalization;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// Folds one poll (status, plus the job when there is one) into the previous state. Pure: the
/// clock comes in as <c>now</c>. Values the printer did not send stay as they were.
/// </summary>
internal static class PrusaStatusNormalizer
{
    public static PrinterState Apply(PrinterState previous, PrusaStatus status, PrusaJob? job, DateTimeOffset now)
    {
        var mapped = PrusaStateMapper.Map(status.State);
        var (progress, printJob) = PrusaJobNormalizer.Normalize(previous, mapped, status.Job, job, now);
        return previous with
        {
            Online = true,
            HasData = true,
            Status = mapped,
            Error = null,
            Progress = progress,
            Job = printJob,
            Temperatures = new Temperatures(
                Sensor(status.TempNozzle, status.TargetNozzle, previous.Temperatures.Nozzle),
                Sensor(status.TempBed, status.TargetBed, previous.Temperatures.Bed),
                Chamber: null),
            Fans = new FanSpeeds(null, null, null, status.FanHotend ?? previous.Fans.HotendRpm, status.FanPrint ?? previous.Fans.PrintRpm),
            Motion = new MotionSettings(null, status.Speed ?? previous.Motion.SpeedPercent, status.Flow ?? previous.Motion.FlowPercent),
            Filament = previous.Filament with { Material = job?.FilamentType ?? previous.Filament.Material },
            Capabilities = PrusaStateMapper.Capabilities,
            UpdatedAt = now,
        };
    }

    /// <summary>Model, firmware and serial learned on connect.</summary>
    public static PrinterState ApplyIdentity(PrinterState state, string? configuredModel, PrusaServerVersion version, PrusaPrinterInfo? info) =>
        state with
        {
            Model = PrusaModelResolver.Resolve(configuredModel, version, info),
            Firmware = version.Firmware ?? state.Firmware,
            Serial = info?.Serial ?? state.Serial,
            Capabilities = PrusaStateMapper.Capabilities,
        };

    /// <summary>
    /// The loaded material from the legacy printer endpoint. The Pi always answers "don't know"
    /// there, which must not erase what the job's slicer metadata told us.
    /// </summary>
    public static PrinterState ApplyMaterial(PrinterState state, PrusaLegacyPrinter printer) =>
        printer.Material is null ? state : state with { Filament = state.Filament with { Material = printer.Material } };

    public static string FormatJobId(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Temperature? Sensor(double? current, double? target, Temperature? previous) =>
        current is null && target is null ? previous : new Temperature(current ?? previous?.Current, target ?? previous?.Target);
}

namespace Printernizer.Bridge.Domain;

/// <summary>
/// Compares states by content. Record equality compares lists (HMS, AMS units and trays) by
/// reference, and a fresh normalization always builds new lists, so it never finds two states equal.
/// Runs once per report, so it compares field by field instead of through copies;
/// <c>PrinterStateContentTests</c> fails when <see cref="PrinterState"/> gains a property this does not compare.
/// </summary>
internal static class PrinterStateContent
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ at most in <see cref="PrinterState.UpdatedAt"/>.</summary>
    public static bool SameExceptUpdatedAt(PrinterState a, PrinterState b) =>
        ReferenceEquals(a, b)
        || (a.PrinterId == b.PrinterId
            && a.Online == b.Online
            && a.HasData == b.HasData
            && a.Status == b.Status
            && a.Stage == b.Stage
            && a.Error == b.Error
            && a.Control == b.Control
            && a.Model == b.Model
            && a.Firmware == b.Firmware
            && a.Serial == b.Serial
            && a.Temperatures == b.Temperatures
            && a.Progress == b.Progress
            && a.Job == b.Job
            && a.Fans == b.Fans
            && a.Motion == b.Motion
            && a.Lights == b.Lights
            && a.Capabilities == b.Capabilities
            && Same(a.Hms, b.Hms)
            && SameFilament(a.Filament, b.Filament));

    private static bool SameFilament(FilamentState a, FilamentState b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.External != b.External || a.Material != b.Material || a.Units.Count != b.Units.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Units.Count; i++)
        {
            var (x, y) = (a.Units[i], b.Units[i]);
            if (!ReferenceEquals(x, y)
                && ((x.Id, x.Humidity, x.Temperature) != (y.Id, y.Humidity, y.Temperature) || !Same(x.Trays, y.Trays)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : IEquatable<T>
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Printernizer.Bridge.Domain;

/// <summary>
/// Compares states by content. Record equality compares lists (HMS, AMS units and trays) by
/// reference, and a fresh normalization always builds new lists, so it never finds two states equal.
/// </summary>
internal static class PrinterStateContent
{
    private static readonly IReadOnlyList<HmsEntry> NoHms = [];

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ at most in <see cref="PrinterState.UpdatedAt"/>.</summary>
    public static bool SameExceptUpdatedAt(PrinterState a, PrinterState b) =>
        Scalars(a) == Scalars(b)
        && a.Hms.SequenceEqual(b.Hms)
        && SameFilament(a.Filament, b.Filament);

    private static PrinterState Scalars(PrinterState state) =>
        state with { UpdatedAt = default, Hms = NoHms, Filament = FilamentState.None };

    private static bool SameFilament(FilamentState a, FilamentState b) =>
        a.External == b.External
        && a.Material == b.Material
        && a.Units.Count == b.Units.Count
        && a.Units.Zip(b.Units).All(pair => SameUnit(pair.First, pair.Second));

    private static bool SameUnit(FilamentUnit a, FilamentUnit b) =>
        (a.Id, a.Humidity, a.Temperature) == (b.Id, b.Humidity, b.Temperature)
        && a.Trays.SequenceEqual(b.Trays);
}

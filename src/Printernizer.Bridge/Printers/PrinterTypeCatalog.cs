namespace Printernizer.Bridge.Printers;

/// <summary>The one place where printer types are registered.</summary>
internal static class PrinterTypeCatalog
{
    public static PrinterTypeRegistry CreateRegistry() => new(
    [
        // One line per printer type, e.g. new Bambu.BambuPrinterType(),
        new Bambu.BambuPrinterType(),
    ]);
}

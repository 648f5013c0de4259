namespace Printernizer.Bridge.Printers;

/// <summary>The one place where printer types are registered.</summary>
internal static class PrinterTypeCatalog
{
    public static PrinterTypeRegistry CreateRegistry() => new(
    [
        new Bambu.BambuPrinterType(),
        new Prusa.PrusaPrinterType(),
    ]);
}

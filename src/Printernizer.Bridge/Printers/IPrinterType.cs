using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers;

/// <summary>
/// A kind of printer (<c>type:</c> in the configuration). Adding a printer type is one folder
/// with an implementation of this interface plus one line in <see cref="PrinterTypeCatalog"/>.
/// </summary>
internal interface IPrinterType
{
    /// <summary>The value of <c>type</c> in <c>config.yaml</c>, e.g. <c>bambu_lab</c>.</summary>
    string Name { get; }

    /// <summary>Used when the printer entry has no <c>port</c>.</summary>
    int DefaultPort { get; }

    /// <summary>
    /// Reads and validates the type's own keys. Every problem goes to the reader, which
    /// reports it with key path and line; keys this method never asks for are reported as unknown.
    /// </summary>
    IPrinterSettings BindSettings(IPrinterSettingsReader reader);

    IPrinterAdapter CreateAdapter(PrinterDefinition printer, PrinterAdapterContext context);
}

namespace Printernizer.Bridge.Configuration;

/// <summary>A printer type's own settings (access code, poll intervals…), bound by its <see cref="Printers.IPrinterType"/>.</summary>
internal interface IPrinterSettings;

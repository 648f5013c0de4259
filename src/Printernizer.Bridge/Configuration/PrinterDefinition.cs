namespace Printernizer.Bridge.Configuration;

/// <summary>One validated entry of <c>printers:</c>.</summary>
/// <param name="Id">Matches <c>[a-z0-9_-]{1,64}</c>; used in topics and unique ids.</param>
/// <param name="Name">Display name; the id when not configured.</param>
/// <param name="Model">The configured model, or null to learn it from the printer.</param>
internal sealed record PrinterDefinition(
    string Id,
    string Name,
    string Type,
    string Host,
    int Port,
    string? Model,
    IPrinterSettings Settings);

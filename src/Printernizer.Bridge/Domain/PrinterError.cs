namespace Printernizer.Bridge.Domain;

/// <summary>The printer's current error, e.g. Bambu <c>print_error</c> as <c>0700_8006</c>.</summary>
internal sealed record PrinterError(string Code, string? Text);

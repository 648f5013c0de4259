namespace Printernizer.Bridge.Printers;

/// <summary>A file operation failed for a reason the user can act on; the message is safe to show (no secrets).</summary>
/// <param name="code"><c>not_found</c>, <c>unreachable</c>, <c>auth_failed</c>, <c>tls_certificate_rejected</c>, <c>invalid_path</c> or <c>protocol</c>.</param>
internal sealed class PrinterFileException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

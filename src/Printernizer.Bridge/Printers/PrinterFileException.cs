namespace Printernizer.Bridge.Printers;

/// <summary>A file operation failed for a reason the user can act on; the message is safe to show (no secrets).</summary>
/// <param name="code"><c>not_found</c>, <c>unreachable</c>, <c>auth_failed</c>, <c>tls_certificate_rejected</c>, <c>invalid_path</c> or <c>protocol</c>.</param>
internal sealed class PrinterFileException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>The printer's file service cannot be used at all right now (closed port, refused login or certificate), as opposed to one missing file.</summary>
    public bool ServiceUnavailable => Code is "unreachable" or "auth_failed" or "tls_certificate_rejected";
}

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>A refusal that retrying soon cannot fix: a wrong access code or a certificate that does not match.</summary>
internal sealed class BambuConnectException : Exception
{
    public BambuConnectException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary><c>auth_failed</c> or <c>tls_certificate_rejected</c>; becomes <see cref="Domain.PrinterError.Code"/>.</summary>
    public string Code { get; }
}

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>A refusal that retrying soon cannot fix: a wrong access code or a certificate that does not match.</summary>
internal sealed class BambuConnectException : Exception
{
    public BambuConnectException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public BambuConnectException()
        : this("connect_failed", "connection refused")
    {
    }

    public BambuConnectException(string message)
        : this("connect_failed", message)
    {
    }

    public BambuConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "connect_failed";
    }

    /// <summary><c>auth_failed</c> or <c>tls_certificate_rejected</c>.</summary>
    public string Code { get; } = "connect_failed";
}

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>The printer refused the credentials (401 after the Digest retry, or 403).</summary>
internal sealed class PrusaAuthException(int statusCode)
    : Exception($"authentication failed (HTTP {statusCode})")
{
    public int StatusCode { get; } = statusCode;
}

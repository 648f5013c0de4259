namespace Printernizer.Simulators.Prusa;

/// <summary>One request as the simulator saw it.</summary>
/// <param name="Target">The request target exactly as received, query string included.</param>
/// <param name="Status">The answer's status code; 0 when the connection was dropped.</param>
internal sealed record PrusaRequestRecord(int ConnectionId, string Method, string Target, int Status, bool HadAuthorization)
{
    /// <summary>When the request arrived (before any injected delay), on the simulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>A printer's answer that was not an authentication failure.</summary>
internal sealed record PrusaResponse(int StatusCode, string Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>The answer's <c>ETag</c>, where one was asked for (file listings).</summary>
    public string? ETag { get; init; }
}

namespace Printernizer.Simulators.Prusa;

/// <summary>A parsed HTTP/1.1 request.</summary>
internal sealed record PrusaHttpRequest(
    int ConnectionId,
    string Method,
    string Target,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string Path => Target.Split('?', 2)[0];

    public bool HasQuery => Target.Contains('?', StringComparison.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public bool AcceptsJson => Header("Accept")?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true;
}

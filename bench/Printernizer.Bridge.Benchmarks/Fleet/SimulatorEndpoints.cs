using System.Text.Json;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>The fleet simulator's first output line: where each printer listens and how to log in.</summary>
internal sealed record SimulatorEndpoints(IReadOnlyList<BambuEndpoint> Bambu, IReadOnlyList<PrusaEndpoint> Prusa)
{
    public static SimulatorEndpoints Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new SimulatorEndpoints(
            root.GetProperty("bambu").EnumerateArray().Select(e => new BambuEndpoint(
                e.GetProperty("serial").GetString()!, e.GetProperty("host").GetString()!, e.GetProperty("port").GetInt32(), e.GetProperty("access_code").GetString()!)).ToArray(),
            root.GetProperty("prusa").EnumerateArray().Select(e => new PrusaEndpoint(
                e.GetProperty("host").GetString()!, e.GetProperty("port").GetInt32(), e.GetProperty("username").GetString()!, e.GetProperty("password").GetString()!)).ToArray());
    }
}

internal sealed record BambuEndpoint(string Serial, string Host, int Port, string AccessCode);

internal sealed record PrusaEndpoint(string Host, int Port, string Username, string Password);

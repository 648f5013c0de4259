namespace Printernizer.Bridge.Configuration;

/// <summary>The <c>mqtt:</c> section.</summary>
/// <param name="Url">As configured, for display (never contains a password).</param>
/// <param name="Embedded">True for <c>embedded</c>: the bridge runs its own broker on <see cref="Host"/>:<see cref="Port"/>.</param>
internal sealed record MqttSettings(
    string Url,
    bool Embedded,
    string Host,
    int Port,
    bool UseTls,
    string? CaFile,
    bool TlsInsecure,
    string? Username,
    string? Password,
    string BaseTopic,
    string DiscoveryPrefix,
    string ClientId,
    bool Discovery);

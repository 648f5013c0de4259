namespace Printernizer.Bridge.Configuration;

/// <summary>Where the local broker is, as read from <c>mqtt.url</c>.</summary>
/// <param name="Embedded">The bridge runs the broker itself and listens on <paramref name="Host"/>:<paramref name="Port"/>.</param>
internal sealed record MqttEndpoint(bool Embedded, string Host, int Port, bool UseTls);

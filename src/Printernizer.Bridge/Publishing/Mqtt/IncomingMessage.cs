namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>A message received from the local broker, detached from MQTTnet types.</summary>
/// <param name="Retain">True for a retained message (subscriptions use retain-as-published, so a live retained publish is seen too).</param>
internal sealed record IncomingMessage(
    string Topic,
    byte[] Payload,
    bool Retain,
    string? ResponseTopic,
    byte[]? CorrelationData);

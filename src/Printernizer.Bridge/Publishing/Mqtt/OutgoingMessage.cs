namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>A message for the local broker. QoS 1 unless <see cref="AtMostOnce"/>.</summary>
internal sealed record OutgoingMessage(
    string Topic,
    byte[] Payload,
    bool Retain,
    bool AtMostOnce = false,
    byte[]? CorrelationData = null);

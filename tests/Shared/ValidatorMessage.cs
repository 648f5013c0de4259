namespace Printernizer.Bridge.TestSupport;

/// <summary>One MQTT message as <c>validate_discovery.py</c> reads it; an empty payload is a removal.</summary>
internal sealed record ValidatorMessage(string Topic, string Payload, bool Retain, int Qos);

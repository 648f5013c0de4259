namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>What the MQTT callbacks hand to the connection loop: a payload, an oversize notice, or the end of the session.</summary>
internal readonly record struct BambuInbound(byte[]? Payload, int OversizeLength, bool Disconnected)
{
    public static BambuInbound Lost { get; } = new(null, 0, true);
}

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// What the MQTT callbacks hand to the connection loop: a payload, an oversize notice, or the end
/// of the session; or the loop's own timer asking it to look at its deadlines.
/// </summary>
internal readonly record struct BambuInbound(byte[]? Payload, int OversizeLength, bool Disconnected, bool IsWakeUp = false)
{
    public static BambuInbound Lost { get; } = new(null, 0, true);

    public static BambuInbound WakeUpCall { get; } = new(null, 0, false, IsWakeUp: true);
}

namespace Printernizer.Bridge.Domain;

/// <summary>Whether commands can reach the printer (SPEC §3.1 <c>control</c>).</summary>
internal enum ControlState
{
    Available,

    /// <summary>The configuration says <c>control: false</c>.</summary>
    ReadOnly,

    /// <summary>Bambu firmware wants signed commands (Developer Mode is off).</summary>
    Locked,
}

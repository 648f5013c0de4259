namespace Printernizer.Bridge.HomeAssistant;

/// <summary>Which availability topics an entity follows.</summary>
internal enum EntityAvailability
{
    /// <summary>Bridge state and printer availability, both required (<c>availability_mode: all</c>).</summary>
    BridgeAndPrinter,

    /// <summary>
    /// Only the bridge state: for the entities that report the printer's reachability (so a printer
    /// that is away shows as disconnected instead of unavailable) and its online/offline events.
    /// </summary>
    BridgeOnly,

    /// <summary>None: for the bridge's own connectivity entity, which must be able to show offline.</summary>
    None,
}

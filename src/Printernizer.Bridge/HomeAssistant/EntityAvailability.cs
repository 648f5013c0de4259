namespace Printernizer.Bridge.HomeAssistant;

/// <summary>Which availability topics an entity follows.</summary>
internal enum EntityAvailability
{
    /// <summary>Bridge state and printer availability, both required (<c>availability_mode: all</c>).</summary>
    BridgeAndPrinter,

    /// <summary>
    /// Only the bridge state: for the entity that reports the printer's own reachability, so a
    /// printer that is away shows as disconnected instead of unavailable.
    /// </summary>
    BridgeOnly,

    /// <summary>None: for the bridge's own connectivity entity, which must be able to show offline.</summary>
    None,
}

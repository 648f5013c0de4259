namespace Printernizer.Bridge.Publishing;

/// <summary>Every topic name of SPEC §2 and §4 in one place.</summary>
internal sealed class TopicLayout
{
    public TopicLayout(string baseTopic, string discoveryPrefix)
    {
        BaseTopic = baseTopic.TrimEnd('/');
        DiscoveryPrefix = discoveryPrefix.TrimEnd('/');
    }

    public string BaseTopic { get; }

    public string DiscoveryPrefix { get; }

    public string BridgeState => $"{BaseTopic}/bridge/state";

    public string BridgeInfo => $"{BaseTopic}/bridge/info";

    public string HomeAssistantStatus => $"{DiscoveryPrefix}/status";

    /// <summary><c>&lt;base&gt;/bridge/request/&lt;name&gt;</c>: a request to the bridge itself, e.g. <c>restart_printer</c>.</summary>
    public string BridgeRequest(string name) => $"{BaseTopic}/bridge/request/{name}";

    /// <summary><c>&lt;base&gt;/bridge/response/&lt;name&gt;</c>: the answer to <see cref="BridgeRequest"/>.</summary>
    public string BridgeResponse(string name) => $"{BaseTopic}/bridge/response/{name}";

    public string Availability(string printerId) => $"{BaseTopic}/{printerId}/availability";

    public string State(string printerId) => $"{BaseTopic}/{printerId}/state";

    public string Temperature(string printerId) => $"{BaseTopic}/{printerId}/temperature";

    public string Progress(string printerId) => $"{BaseTopic}/{printerId}/progress";

    public string Job(string printerId) => $"{BaseTopic}/{printerId}/job";

    public string Filament(string printerId) => $"{BaseTopic}/{printerId}/filament";

    public string Event(string printerId) => $"{BaseTopic}/{printerId}/event";

    public string Command(string printerId) => $"{BaseTopic}/{printerId}/command";

    public string CommandResult(string printerId) => $"{BaseTopic}/{printerId}/command/result";

    /// <summary>The filter that matches every printer's command topic.</summary>
    public string AllCommands => $"{BaseTopic}/+/command";

    /// <summary>The node id of a printer's (or the bridge's) discovery topics: <c>printernizer_&lt;id&gt;</c>.</summary>
    public static string NodeId(string deviceId) => $"printernizer_{deviceId}";

    /// <summary><c>&lt;prefix&gt;/&lt;component&gt;/printernizer_&lt;id&gt;/&lt;object&gt;/config</c>.</summary>
    public string DiscoveryConfig(string component, string deviceId, string objectId) =>
        $"{DiscoveryPrefix}/{component}/{NodeId(deviceId)}/{objectId}/config";

    /// <summary>The filter that matches every discovery config the bridge may own.</summary>
    public string AllDiscoveryConfigs => $"{DiscoveryPrefix}/+/+/+/config";
}

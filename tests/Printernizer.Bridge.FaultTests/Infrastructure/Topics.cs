namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Topic names of the default layout (base <c>printernizer</c>, prefix <c>homeassistant</c>).</summary>
internal static class Topics
{
    public const string BridgeState = "printernizer/bridge/state";
    public const string BridgeInfo = "printernizer/bridge/info";

    public static string Availability(string id) => $"printernizer/{id}/availability";

    public static string State(string id) => $"printernizer/{id}/state";

    public static string Progress(string id) => $"printernizer/{id}/progress";

    public static string Temperature(string id) => $"printernizer/{id}/temperature";

    public static string Job(string id) => $"printernizer/{id}/job";

    public static string Event(string id) => $"printernizer/{id}/event";

    public static string Command(string id) => $"printernizer/{id}/command";

    public static string Result(string id) => $"printernizer/{id}/command/result";
}

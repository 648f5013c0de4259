namespace Printernizer.Bridge.Configuration;

/// <summary>Builds key paths as users read them: <c>mqtt.url</c>, <c>printers[1].port</c>.</summary>
internal static class ConfigKeyPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}

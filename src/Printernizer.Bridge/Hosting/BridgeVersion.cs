using System.Reflection;

namespace Printernizer.Bridge.Hosting;

internal static class BridgeVersion
{
    public const string SupportUrl = "https://github.com/printernizer/printernizer-bridge";

    public static string Current { get; } =
        typeof(BridgeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}

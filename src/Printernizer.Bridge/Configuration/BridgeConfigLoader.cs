using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Configuration;

// Placeholder until the configuration loader lands (feat/config).
internal static class BridgeConfigLoader
{
    public static ConfigLoadResult Load(string path, Func<string, string?> getEnvironmentVariable, PrinterTypeRegistry registry)
    {
        _ = getEnvironmentVariable;
        _ = registry;
        return new ConfigLoadResult(null, [new ConfigProblem(path, 1, "(file)", "configuration loading is not built yet")]);
    }
}

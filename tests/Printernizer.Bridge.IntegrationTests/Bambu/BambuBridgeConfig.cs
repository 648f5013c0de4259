using System.Text;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Printers.Bambu;
using Printernizer.Simulators.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>
/// Builds a <see cref="BridgeConfig"/> whose printers point at Bambu simulators, through the real
/// YAML loader and printer-type registry (access codes come in as <c>${VAR}</c>), then shortens the
/// reconnect knobs that have no YAML key.
/// </summary>
internal static class BambuBridgeConfig
{
    public static BridgeConfig Create(TestBroker broker, string stateDir, IReadOnlyList<(BambuBridgePrinter Printer, BambuSimulator Simulator)> printers)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var yaml = new StringBuilder()
            .AppendLine("mqtt:")
            .AppendLine($"  url: mqtt://{broker.Host}:{broker.Port}")
            .AppendLine($"  client_id: printernizer-bambu-{Guid.NewGuid():N}")
            .AppendLine("printers:");
        foreach (var (printer, simulator) in printers)
        {
            var variable = printer.Id.ToUpperInvariant() + "_ACCESS_CODE";
            environment[variable] = printer.AccessCode ?? simulator.AccessCode;
            yaml.AppendLine($"  - id: {printer.Id}")
                .AppendLine($"    name: Bambu {printer.Id}")
                .AppendLine("    type: bambu_lab")
                .AppendLine($"    host: {simulator.Host}")
                .AppendLine($"    port: {simulator.Port}")
                .AppendLine($"    serial: {simulator.Serial}")
                .AppendLine($"    access_code: ${{{variable}}}");
            foreach (var line in printer.ExtraYaml.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yaml.AppendLine("    " + line);
            }
        }

        yaml.AppendLine($"state_dir: {stateDir}").AppendLine("log_level: debug");
        var result = new BridgeConfigLoader().Parse(yaml.ToString(), "bambu-test.yaml", environment.GetValueOrDefault, PrinterTypeCatalog.CreateRegistry());
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("test config invalid:\n" + string.Join("\n", result.Problems) + "\n" + yaml);
        }

        return result.Config with { Printers = result.Config.Printers.Select(p => p with { Settings = Shorten((BambuSettings)p.Settings) }).ToArray() };
    }

    /// <summary>Production backoff is seconds to a minute; tests reconnect within about a second.</summary>
    private static BambuSettings Shorten(BambuSettings settings) => settings with
    {
        ReconnectBase = TimeSpan.FromMilliseconds(100),
        ReconnectCap = TimeSpan.FromSeconds(1),
        KeepAlive = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}

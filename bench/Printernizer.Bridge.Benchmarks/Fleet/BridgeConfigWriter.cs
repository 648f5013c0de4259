using System.Globalization;
using System.Text;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>The bridge's config.yaml for a fleet run: every simulated printer, Prusa polled every 2 s.</summary>
internal static class BridgeConfigWriter
{
    public static string BambuId(int index) => string.Create(CultureInfo.InvariantCulture, $"bambu{index + 1:D4}");

    public static string PrusaId(int index) => string.Create(CultureInfo.InvariantCulture, $"prusa{index + 1:D4}");

    public static string Write(string directory, Uri broker, SimulatorEndpoints printers, int? metricsPort = null)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"mqtt:\n  url: mqtt://{broker.Host}:{broker.Port}\n  client_id: printernizer-bench\n");
        if (metricsPort is { } port)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"http:\n  listen: 127.0.0.1:{port}\n");
        }

        yaml.Append(CultureInfo.InvariantCulture, $"state_dir: {Path.Combine(directory, "state")}\nlog_level: information\nprinters:\n");
        for (var i = 0; i < printers.Bambu.Count; i++)
        {
            var p = printers.Bambu[i];
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{id: {BambuId(i)}, type: bambu_lab, host: {p.Host}, port: {p.Port}, serial: {p.Serial}, access_code: '{p.AccessCode}'}}\n");
        }

        for (var i = 0; i < printers.Prusa.Count; i++)
        {
            var p = printers.Prusa[i];
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{id: {PrusaId(i)}, type: prusa, host: {p.Host}, port: {p.Port}, username: {p.Username}, password: '{p.Password}', poll_active: 2s, poll_idle: 2s}}\n");
        }

        var path = Path.Combine(directory, "config.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}

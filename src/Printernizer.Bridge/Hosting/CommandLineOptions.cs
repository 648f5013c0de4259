using System.Globalization;

namespace Printernizer.Bridge.Hosting;

/// <summary>The command line of SPEC §7.</summary>
internal sealed record CommandLineOptions
{
    public const string Usage = """
        Usage: Printernizer.Bridge [--config PATH]     run with a config file (default ./config.yaml)
                                   --check-config      validate the config, print problems, exit 0 or 2
                                   --health            ask the running bridge's /readyz (http.listen), exit 0 or 1
                                   --demo [--port N]   embedded broker on 127.0.0.1:N (default 1883),
                                                       simulated printers, and the bridge, in one process
                                   --ha-addon          Home Assistant add-on: options from /data/options.json,
                                                       the broker from the Supervisor, state in /data
                                   --version
        """;

    public string ConfigPath { get; init; } = "config.yaml";

    public bool CheckConfig { get; init; }

    public bool Health { get; init; }

    public bool Demo { get; init; }

    public int? Port { get; init; }

    public bool HaAddOn { get; init; }

    public bool Version { get; init; }

    public bool Help { get; init; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> names the offending argument.</summary>
    public static CommandLineOptions Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new CommandLineOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--config" or "-c" when i + 1 < args.Count:
                    options = options with { ConfigPath = args[++i] };
                    break;
                case "--check-config":
                    options = options with { CheckConfig = true };
                    break;
                case "--health":
                    options = options with { Health = true };
                    break;
                case "--demo":
                    options = options with { Demo = true };
                    break;
                case "--port" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                    {
                        error = $"--port: expected a number from 1 to 65535, got '{args[i]}'";
                        return options;
                    }

                    options = options with { Port = port };
                    break;
                case "--ha-addon":
                    options = options with { HaAddOn = true };
                    break;
                case "--version":
                    options = options with { Version = true };
                    break;
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                default:
                    error = arg is "--config" or "-c" or "--port" ? $"{arg} needs a value" : $"unknown argument '{arg}'";
                    return options;
            }
        }

        return options;
    }
}

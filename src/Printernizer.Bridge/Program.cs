using Microsoft.Extensions.Hosting;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Hosting;
using Printernizer.Bridge.Hosting.AddOn;
using Printernizer.Bridge.Hosting.Demo;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Serilog;

if (args is ["files", ..])
{
    return await FilesCommand.RunAsync(args[1..], Console.Out, Console.Error).ConfigureAwait(false);
}

var options = CommandLineOptions.Parse(args, out var argumentError);
if (argumentError is not null)
{
    Console.Error.WriteLine($"error: {argumentError}");
    Console.Error.WriteLine(CommandLineOptions.Usage);
    return 1;
}

if (options.Help)
{
    Console.WriteLine(CommandLineOptions.Usage);
    return 0;
}

if (options.Version)
{
    Console.WriteLine($"Printernizer Bridge {BridgeVersion.Current}");
    return 0;
}

if (options.Demo)
{
    return await DemoCommand.RunAsync(options.Port ?? 1883).ConfigureAwait(false);
}

var registry = PrinterTypeCatalog.CreateRegistry();
if (options.Health)
{
    return await HealthCommand.RunAsync(options.ConfigPath, registry, Console.Out, Console.Error).ConfigureAwait(false);
}

var loaded = options.HaAddOn
    ? await AddOnConfigBuilder.LoadFromEnvironmentAsync(registry, CancellationToken.None).ConfigureAwait(false)
    : new BridgeConfigLoader().Load(options.ConfigPath, Environment.GetEnvironmentVariable, registry);
if (!loaded.Succeeded)
{
    foreach (var problem in loaded.Problems)
    {
        Console.Error.WriteLine(problem.ToString());
    }

    Console.Error.WriteLine($"{loaded.Problems.Count} configuration problem(s); nothing was started.");
    return 2;
}

var config = loaded.Config;
if (options.CheckConfig)
{
    Console.WriteLine($"{(options.HaAddOn ? "add-on options" : options.ConfigPath)}: OK ({config.Printers.Count} printer(s))");
    return 0;
}

Log.Logger = BridgeLogging.Create(config, TimeProvider.System).CreateLogger();
try
{
    using var host = BridgeHost.Build(config, registry, Log.Logger);
    await host.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception ex)
{
    Log.Fatal(ex, "The bridge stopped after an unexpected error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync().ConfigureAwait(false);
}

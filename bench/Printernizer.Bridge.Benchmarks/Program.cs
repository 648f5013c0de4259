using BenchmarkDotNet.Running;
using Printernizer.Bridge.Benchmarks.Fleet;

// "fleet" and "peak" run the end-to-end benchmarks; anything else goes to BenchmarkDotNet.
return args.Length > 0 && args[0] is "fleet" or "peak"
    ? await FleetCommand.RunAsync(args)
    : RunMicro(args);

static int RunMicro(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(FleetCommand).Assembly).Run(args);
    return 0;
}

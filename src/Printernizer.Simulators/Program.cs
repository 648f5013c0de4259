using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Fleet;
using Printernizer.Simulators.Prusa;

return args.Length == 0 ? Usage() : args[0] switch
{
    "bambu" => await BambuSimulatorCli.RunAsync(args[1..]),
    "prusa" => await PrusaSimulatorCli.RunAsync(args[1..]),
    "fleet" => await FleetCli.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Printernizer.Simulators bambu [options] | prusa [options] | fleet [options]");
    return 2;
}

using Printernizer.Simulators.Bambu;

return args.Length == 0 ? Usage() : args[0] switch
{
    "bambu" => await BambuSimulatorCli.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Printernizer.Simulators bambu [options]");
    return 2;
}

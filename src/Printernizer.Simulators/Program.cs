switch (args.FirstOrDefault())
{
    case "prusa":
        return await Printernizer.Simulators.Prusa.PrusaSimulatorCli.RunAsync(args);
    default:
        await Console.Error.WriteLineAsync("usage: Printernizer.Simulators prusa [options]");
        return 2;
}

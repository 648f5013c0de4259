namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>Where the Release builds of the bridge and the simulators are, found from the repository root.</summary>
internal sealed record RepositoryPaths(string Root)
{
    /// <summary>A bridge built elsewhere, e.g. a ReadyToRun publish as the container ships it.</summary>
    public string? BridgeOverride { get; init; }

    public string BridgeDll => BridgeOverride ?? Path.Combine(Root, "src", "Printernizer.Bridge", "bin", "Release", "net10.0", "Printernizer.Bridge.dll");

    public string SimulatorsDll => Path.Combine(Root, "src", "Printernizer.Simulators", "bin", "Release", "net10.0", "Printernizer.Simulators.dll");

    public string Results => Path.Combine(Root, "bench", "results");

    public static RepositoryPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
                {
                    return new RepositoryPaths(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException("run from inside the repository (Printernizer.Bridge.sln not found)");
    }
}

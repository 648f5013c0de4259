namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

/// <summary>The captures in <c>shared/fixtures/prusalink</c>, found beside the repository as CI lays it out.</summary>
internal static class PrusaFixtures
{
    public static string Directory { get; } = Locate();

    public static string Read(string name) => File.ReadAllText(System.IO.Path.Combine(Directory, name));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures", "prusalink"));
            }
        }

        throw new InvalidOperationException("Printernizer.Bridge.sln not found above " + AppContext.BaseDirectory);
    }
}

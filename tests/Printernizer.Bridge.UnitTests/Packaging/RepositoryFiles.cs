namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary>Files of the repository the tests run from (found by walking up to the solution file).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Printernizer.Bridge.sln above {AppContext.BaseDirectory}");
    }
}

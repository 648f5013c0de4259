namespace Printernizer.Bridge.IntegrationTests.Prusa;

/// <summary>The <c>shared/</c> folder that CI places beside the repository clone.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = Locate();

    public static string PrusaOpenApi => Path.Combine(Root, "fixtures", "prusalink", "spec", "openapi.yaml");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        throw new InvalidOperationException("Printernizer.Bridge.sln not found above " + AppContext.BaseDirectory);
    }
}

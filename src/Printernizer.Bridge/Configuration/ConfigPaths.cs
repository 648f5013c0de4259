namespace Printernizer.Bridge.Configuration;

/// <summary>Relative paths in the file (secret files, CA files) are relative to the file itself, not to the working directory.</summary>
internal static class ConfigPaths
{
    public static string BaseDirectoryOf(string configFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(configFile));
        return string.IsNullOrEmpty(directory) ? Directory.GetCurrentDirectory() : directory;
    }

    public static string Resolve(string baseDirectory, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
}

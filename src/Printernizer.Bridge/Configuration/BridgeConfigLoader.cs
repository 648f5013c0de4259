using Printernizer.Bridge.Printers;
using YamlDotNet.RepresentationModel;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Loads and validates <c>config.yaml</c> (SPEC §6). Walks the whole file and reports every
/// problem at once, each with its line and key path, so that one run shows everything to fix.
/// </summary>
internal sealed class BridgeConfigLoader
{
    public const string DefaultStateDir = "./state";
    public const string DefaultLogLevel = LoggingSectionBinder.DefaultLevel;

    public ConfigLoadResult Load(string path, Func<string, string?> getEnvironmentVariable, PrinterTypeRegistry registry)
    {
        if (Directory.Exists(path))
        {
            return FileProblem(path, "is a directory; expected a YAML file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileProblem(path, $"file not found (looked for {Path.GetFullPath(path)})");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException)
        {
            return FileProblem(path, "cannot be read: permission denied");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or NotSupportedException)
        {
            return FileProblem(path, $"cannot be read: {ex.GetType().Name}");
        }

        return Parse(text, path, getEnvironmentVariable, registry);
    }

    /// <param name="fileName">Names the file in problems; relative paths in the file are resolved against its directory.</param>
    public ConfigLoadResult Parse(string yamlText, string fileName, Func<string, string?> env, PrinterTypeRegistry registry)
    {
        var problems = new ConfigProblemList(fileName);
        var root = YamlDocumentLoader.LoadRoot(yamlText, problems);
        if (root is null)
        {
            return ConfigLoadResult.Failure(problems.ToSortedList());
        }

        if (root is not YamlMappingNode rootMapping)
        {
            problems.Add(YamlNodes.LineOf(root), string.Empty, $"expected a mapping with the keys mqtt, printers, state_dir, control, log_level, log_format and http, found {YamlNodes.Describe(root)}");
            return ConfigLoadResult.Failure(problems.ToSortedList());
        }

        var baseDirectory = ConfigPaths.BaseDirectoryOf(fileName);
        var values = new ConfigValueReader(problems, new VariableExpander(env, baseDirectory));
        var section = new ConfigSection(rootMapping, string.Empty, YamlNodes.LineOf(rootMapping), values);
        var mqttSection = section.Section("mqtt");
        var mqtt = mqttSection is null ? null : MqttSectionBinder.Bind(mqttSection, baseDirectory);
        var printers = PrintersSectionBinder.Bind(section, registry);
        var stateDir = section.String("state_dir") ?? DefaultStateDir;
        if (stateDir.Length == 0)
        {
            section.Problem("state_dir", "must not be empty");
        }

        var control = section.Bool("control") ?? true;
        var (logLevel, logging) = LoggingSectionBinder.Bind(section);
        var httpSection = section.Section("http");
        var http = httpSection is null ? null : HttpSectionBinder.Bind(httpSection);
        section.ReportUnknownKeys();

        return problems.Any || mqtt is null
            ? ConfigLoadResult.Failure(problems.ToSortedList())
            : ConfigLoadResult.Success(new BridgeConfig(mqtt, printers, stateDir, control, logLevel, http, logging));
    }

    private static ConfigLoadResult FileProblem(string path, string message) =>
        ConfigLoadResult.Failure([new ConfigProblem(path, 0, string.Empty, message)]);
}

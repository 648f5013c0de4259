using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>
/// The configuration of <c>--ha-addon</c>: the printers and topics from the add-on's options, the
/// broker from the Supervisor, <c>state_dir</c> = <c>/data</c>. The result goes through
/// <see cref="BridgeConfigLoader.Parse"/>, so the add-on accepts exactly what <c>config.yaml</c>
/// accepts, and every problem names the option's path. All problems are reported at once.
/// </summary>
internal sealed class AddOnConfigBuilder
{
    private readonly AddOnEnvironment _environment;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly PrinterTypeRegistry _registry;

    /// <param name="getEnvironmentVariable">For <c>${VAR}</c> in option values, as in <c>config.yaml</c>.</param>
    public AddOnConfigBuilder(AddOnEnvironment environment, Func<string, string?> getEnvironmentVariable, PrinterTypeRegistry registry)
    {
        _environment = environment;
        _getEnvironmentVariable = getEnvironmentVariable;
        _registry = registry;
    }

    public static Task<ConfigLoadResult> LoadFromEnvironmentAsync(PrinterTypeRegistry registry, CancellationToken cancellationToken) =>
        new AddOnConfigBuilder(AddOnEnvironment.From(Environment.GetEnvironmentVariable), Environment.GetEnvironmentVariable, registry)
            .LoadAsync(cancellationToken);

    public async Task<ConfigLoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ConfigProblem>();
        var options = AddOnOptionsFile.Read(_environment.OptionsPath, problems);
        var (broker, brokerSource) = await AskSupervisorAsync(problems, cancellationToken).ConfigureAwait(false);
        if (options is null)
        {
            return ConfigLoadResult.Failure(problems);
        }

        var yaml = AddOnOptionsMapper.Map(options.Value, broker, _environment.StateDir, out var unknownOptions);
        var known = string.Join(", ", AddOnOptionsMapper.KnownOptions);
        problems.AddRange(unknownOptions.Select(name => new ConfigProblem(_environment.OptionsPath, 0, name, $"unknown option (known options: {known})")));

        var loaded = new BridgeConfigLoader().Parse(JsonYamlNodes.ToText(yaml), _environment.OptionsPath, _getEnvironmentVariable, _registry);
        problems.AddRange(loaded.Problems.Select(p => Relocate(p, brokerSource)));
        return problems.Count == 0 && loaded.Succeeded ? loaded : ConfigLoadResult.Failure(problems);
    }

    /// <returns>The broker, or null when a problem was added; and the URL that announces it.</returns>
    private async Task<(SupervisorMqttService? Broker, string Source)> AskSupervisorAsync(List<ConfigProblem> problems, CancellationToken cancellationToken)
    {
        var source = $"{_environment.SupervisorUrl.TrimEnd('/')}/{SupervisorClient.MqttServicePath}";
        if (_environment.SupervisorToken is null)
        {
            problems.Add(new ConfigProblem(AddOnEnvironment.TokenVariable, 0, string.Empty,
                "environment variable is not set; the Supervisor sets it for Home Assistant add-ons, so --ha-addon only works inside the add-on (use --config outside it)"));
            return (null, source);
        }

        try
        {
            using var client = new SupervisorClient(_environment.SupervisorUrl, _environment.SupervisorToken);
            return (await client.GetMqttServiceAsync(cancellationToken).ConfigureAwait(false), client.MqttServiceUrl.ToString());
        }
        catch (SupervisorException ex)
        {
            problems.Add(new ConfigProblem(source, 0, string.Empty, ex.Message));
            return (null, source);
        }
    }

    /// <summary>
    /// Points a loader problem at the option it came from. Lines are dropped: they would count
    /// lines of the generated YAML, which the user never sees.
    /// </summary>
    private ConfigProblem Relocate(ConfigProblem problem, string brokerSource)
    {
        var optionPath = AddOnOptionsMapper.OptionPathOf(problem.KeyPath);
        return optionPath is null
            ? new ConfigProblem(brokerSource, 0, string.Empty, $"the broker the Supervisor announced is not usable: {problem.Message}")
            : new ConfigProblem(_environment.OptionsPath, 0, optionPath, problem.Message);
    }
}

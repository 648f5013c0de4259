namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>
/// What the Home Assistant Supervisor gives an add-on: the user's options as a file, its own API
/// and a token for it. The overrides exist so that tests (and a curious user) can point the
/// add-on mode at a file and a server of their own.
/// </summary>
/// <param name="SupervisorToken">Null when the environment has none (not running as an add-on).</param>
/// <param name="StateDir">The add-on's persistent volume <c>/data</c>, which the Supervisor backs up with the add-on.</param>
internal sealed record AddOnEnvironment(string OptionsPath, string SupervisorUrl, string? SupervisorToken, string StateDir)
{
    public const string DefaultOptionsPath = "/data/options.json";
    public const string DefaultSupervisorUrl = "http://supervisor";
    public const string DefaultStateDir = "/data";

    public const string OptionsPathVariable = "PRINTERNIZER_ADDON_OPTIONS";
    public const string SupervisorUrlVariable = "SUPERVISOR_URL";
    public const string TokenVariable = "SUPERVISOR_TOKEN";
    public const string StateDirVariable = "PRINTERNIZER_ADDON_STATE_DIR";

    public static AddOnEnvironment From(Func<string, string?> getEnvironmentVariable) => new(
        NonEmpty(getEnvironmentVariable(OptionsPathVariable)) ?? DefaultOptionsPath,
        NonEmpty(getEnvironmentVariable(SupervisorUrlVariable)) ?? DefaultSupervisorUrl,
        NonEmpty(getEnvironmentVariable(TokenVariable)),
        NonEmpty(getEnvironmentVariable(StateDirVariable)) ?? DefaultStateDir);

    /// <summary>The token is a credential; a record would print it.</summary>
    public override string ToString() =>
        $"AddOnEnvironment {{ OptionsPath = {OptionsPath}, SupervisorUrl = {SupervisorUrl}, SupervisorToken = {(SupervisorToken is null ? "(none)" : "***")}, StateDir = {StateDir} }}";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

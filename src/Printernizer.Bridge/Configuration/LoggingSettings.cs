namespace Printernizer.Bridge.Configuration;

/// <summary>How the bridge logs, beyond the default <c>log_level</c>.</summary>
/// <param name="Json">True for <c>log_format: json</c>: compact JSON, one event per line.</param>
/// <param name="Overrides">
/// Minimum level per component, from <c>log_level: {Printers.Bambu: debug}</c>; keys are full
/// logger name prefixes (<c>Printernizer.Bridge.Printers.Bambu</c>).
/// </param>
internal sealed record LoggingSettings(bool Json, IReadOnlyDictionary<string, string> Overrides)
{
    public static LoggingSettings Default { get; } = new(false, new Dictionary<string, string>(StringComparer.Ordinal));
}

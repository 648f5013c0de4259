namespace Printernizer.Bridge.Configuration;

/// <summary>The whole validated <c>config.yaml</c>.</summary>
/// <param name="LogLevel">The default minimum level; <see cref="Logging"/> holds per-component levels and the format.</param>
/// <param name="Http">The metrics and health listener; null when <c>http.listen</c> is not configured.</param>
/// <param name="Control">False makes the bridge read-only: command topics answer an error.</param>
internal sealed record BridgeConfig(
    MqttSettings Mqtt,
    IReadOnlyList<PrinterDefinition> Printers,
    string StateDir,
    bool Control,
    string LogLevel,
    HttpSettings? Http = null,
    LoggingSettings? Logging = null);

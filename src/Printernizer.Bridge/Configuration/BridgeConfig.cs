namespace Printernizer.Bridge.Configuration;

/// <summary>The whole validated <c>config.yaml</c>.</summary>
/// <param name="Control">False makes the bridge read-only: command topics answer an error.</param>
internal sealed record BridgeConfig(
    MqttSettings Mqtt,
    IReadOnlyList<PrinterDefinition> Printers,
    string StateDir,
    bool Control,
    string LogLevel);

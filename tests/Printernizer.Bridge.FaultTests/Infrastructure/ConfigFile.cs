using System.Text;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Simulators.Bambu;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Writes a <c>config.yaml</c> for the bridge as a real process, pointing at the test broker and simulators.</summary>
internal sealed class ConfigFile
{
    private readonly StringBuilder _printers = new();

    public ConfigFile Bambu(string id, BambuSimulator simulator, string? accessCode = null)
    {
        _printers.Append($"""
              - id: {id}
                type: bambu_lab
                host: {simulator.Host}
                port: {simulator.Port}
                serial: {simulator.Serial}
                access_code: "{accessCode ?? simulator.AccessCode}"
                watchdog: 20s
                auth_retry: 10s

            """);
        return this;
    }

    public ConfigFile Prusa(string id, PrusaLinkSimulator simulator, string? password = null, string? apiKey = null)
    {
        var credential = apiKey is null ? $"password: \"{password ?? simulator.Options.Password}\"" : $"api_key: \"{apiKey}\"";
        _printers.Append($"""
              - id: {id}
                type: prusa
                host: 127.0.0.1
                port: {simulator.Port}
                {credential}
                poll_active: 1s
                poll_idle: 2s
                auth_retry: 10s

            """);
        return this;
    }

    public string Write(string directory, TestBroker broker, (string User, string Password)? credentials = null)
    {
        var mqttCredentials = credentials is { } c ? $"\n  username: {c.User}\n  password: \"{c.Password}\"" : "";
        var text = $"""
            mqtt:
              url: mqtt://{broker.Host}:{broker.Port}{mqttCredentials}
              client_id: printernizer-process-{Guid.NewGuid():N}
            state_dir: {Path.Combine(directory, "state")}
            log_level: debug
            printers:

            """ + _printers;
        var path = Path.Combine(directory, "config.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}

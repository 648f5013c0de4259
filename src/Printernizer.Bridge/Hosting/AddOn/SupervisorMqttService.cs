namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>The broker the Supervisor hands out (<c>GET /services/mqtt</c>), usually the Mosquitto add-on.</summary>
internal sealed record SupervisorMqttService(string Host, int Port, bool Ssl, string? Username, string? Password)
{
    /// <summary>The broker URL in the form <c>mqtt.url</c> takes.</summary>
    public string Url => $"{(Ssl ? "mqtts" : "mqtt")}://{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}";

    /// <summary>A record would print the password.</summary>
    public override string ToString() =>
        $"SupervisorMqttService {{ Url = {Url}, Username = {Username}, Password = {(Password is null ? "(none)" : "***")} }}";
}

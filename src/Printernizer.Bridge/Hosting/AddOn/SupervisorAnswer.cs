using System.Text.Json;

namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>
/// Reads the Supervisor's envelope: <c>{"result": "ok", "data": {...}}</c> on success,
/// <c>{"result": "error", "message": "..."}</c> otherwise. Error texts never quote the body,
/// which on success holds the broker password.
/// </summary>
internal static class SupervisorAnswer
{
    private const int MaxMessageLength = 200;

    public static SupervisorMqttService ReadMqttService(string body)
    {
        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("data", out var found)
                || found.ValueKind != JsonValueKind.Object)
            {
                throw new SupervisorException("the Supervisor's answer for the mqtt service has no \"data\" object");
            }

            data = found.Clone();
        }
        catch (JsonException)
        {
            throw new SupervisorException("the Supervisor's answer for the mqtt service is not valid JSON");
        }

        var host = Text(data, "host");
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new SupervisorException("the Supervisor's mqtt service has no host; is the Mosquitto broker add-on started?");
        }

        if (!data.TryGetProperty("port", out var portElement) || !TryPort(portElement, out var port))
        {
            throw new SupervisorException("the Supervisor's mqtt service has no valid port (expected 1 to 65535)");
        }

        var ssl = data.TryGetProperty("ssl", out var sslElement) && sslElement.ValueKind == JsonValueKind.True;
        return new SupervisorMqttService(host.Trim(), port, ssl, NonEmpty(Text(data, "username")), NonEmpty(Text(data, "password")));
    }

    /// <summary>The Supervisor's own error text, shortened and on one line; null when there is none.</summary>
    public static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                && message.GetString() is { Length: > 0 } text)
            {
                var line = string.Concat(text.Where(c => !char.IsControl(c)));
                return line.Length <= MaxMessageLength ? line : line[..MaxMessageLength] + "…";
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or an empty body: the status code says enough.
        }

        return null;
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryPort(JsonElement element, out int port)
    {
        port = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out port) && port is >= 1 and <= 65535;
    }
}

namespace Printernizer.Bridge.Configuration;

/// <summary>Reads the <c>mqtt:</c> section; every key has a default, so an absent section is valid.</summary>
internal static class MqttSectionBinder
{
    public const string DefaultUrl = "mqtt://localhost:1883";
    public const string DefaultBaseTopic = "printernizer";
    public const string DefaultDiscoveryPrefix = "homeassistant";
    public const string DefaultClientId = "printernizer-bridge";

    /// <summary>Null when the section has a problem (already reported).</summary>
    public static MqttSettings? Bind(ConfigSection section, string baseDirectory)
    {
        var problems = section.Values.Problems;
        var url = section.String("url") ?? DefaultUrl;
        var endpoint = MqttUrlParser.Parse(url, section.LineOf("url"), section.PathOf("url"), problems);
        var username = section.String("username");
        var password = section.String("password");
        var caFile = BindCaFile(section, endpoint, baseDirectory);
        var tlsInsecure = section.Bool("tls_insecure") ?? false;
        var baseTopic = Topic(section, "base_topic", DefaultBaseTopic);
        var discoveryPrefix = Topic(section, "discovery_prefix", DefaultDiscoveryPrefix);
        var clientId = section.String("client_id") ?? DefaultClientId;
        if (clientId.Length == 0)
        {
            section.Problem("client_id", "must not be empty");
        }

        var discovery = section.Bool("discovery") ?? true;
        section.ReportUnknownKeys();
        return endpoint is null
            ? null
            : new MqttSettings(
                url.Trim(),
                endpoint.Embedded,
                endpoint.Host,
                endpoint.Port,
                endpoint.UseTls,
                caFile,
                tlsInsecure,
                username,
                password,
                baseTopic,
                discoveryPrefix,
                clientId,
                discovery);
    }

    /// <summary>The CA file as a full path, checked to exist.</summary>
    private static string? BindCaFile(ConfigSection section, MqttEndpoint? endpoint, string baseDirectory)
    {
        var caFile = section.String("ca_file");
        if (caFile is null)
        {
            return null;
        }

        if (endpoint is { UseTls: false })
        {
            section.Problem("ca_file", "only applies to mqtts:// URLs");
            return null;
        }

        var fullPath = ConfigPaths.Resolve(baseDirectory, caFile);
        if (!File.Exists(fullPath))
        {
            section.Problem("ca_file", $"file {fullPath} does not exist");
        }

        return fullPath;
    }

    private static string Topic(ConfigSection section, string key, string defaultValue)
    {
        var topic = section.String(key) ?? defaultValue;
        var problem = TopicRules.Check(topic);
        if (problem is not null)
        {
            section.Problem(key, problem);
        }

        return topic;
    }
}

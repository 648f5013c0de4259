using System.Globalization;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Reads <c>mqtt://host[:port]</c> (1883), <c>mqtts://host[:port]</c> (8883), <c>embedded</c>
/// or <c>embedded://host:port</c> (127.0.0.1:1883). Messages never quote the URL because a user
/// may have put credentials into it.
/// </summary>
internal static class MqttUrlParser
{
    private const string Forms = "expected mqtt://host[:port], mqtts://host[:port], embedded or embedded://host:port";

    public static MqttEndpoint? Parse(string url, int line, string keyPath, ConfigProblemList problems)
    {
        url = url.Trim();
        if (url.Equals("embedded", StringComparison.OrdinalIgnoreCase))
        {
            return new MqttEndpoint(true, "127.0.0.1", 1883, false);
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return Fail(Forms);
        }

        var scheme = url[..schemeEnd].ToLowerInvariant();
        var (embedded, useTls, defaultPort) = scheme switch
        {
            "mqtt" => (false, false, 1883),
            "mqtts" => (false, true, 8883),
            "embedded" => (true, false, 1883),
            _ => (false, false, 0),
        };
        if (defaultPort == 0)
        {
            return Fail($"unsupported scheme '{scheme}'; {Forms}");
        }

        var rest = url[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            return Fail("user name and password do not belong in the URL; set mqtt.username and mqtt.password instead");
        }

        if (authorityEnd >= 0 && rest[authorityEnd..] != "/")
        {
            return Fail($"a broker URL has no path, query or fragment; {Forms}");
        }

        if (!TrySplitHostPort(authority, out var host, out var portText) || !HostNames.IsValid(host))
        {
            return Fail($"the host is missing or not a valid host name or IP address; {Forms}");
        }

        var port = defaultPort;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            return Fail("the port must be an integer from 1 to 65535");
        }

        return new MqttEndpoint(embedded, host, port, useTls);

        MqttEndpoint? Fail(string message)
        {
            problems.Add(line, keyPath, message);
            return null;
        }
    }

    /// <summary>Splits <c>host:port</c> and <c>[v6]:port</c>; the host comes back without brackets.</summary>
    private static bool TrySplitHostPort(string authority, out string host, out string? port)
    {
        port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? string.Empty : authority[1..close];
            var after = close < 0 ? string.Empty : authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (!after.StartsWith(':'))
                {
                    return false;
                }

                port = after[1..];
            }

            return close > 0;
        }

        var colon = authority.LastIndexOf(':');
        host = colon < 0 ? authority : authority[..colon];
        port = colon < 0 ? null : authority[(colon + 1)..];
        return true;
    }
}

using System.Globalization;

namespace Printernizer.Bridge.Configuration;

/// <summary>
/// Reads <c>http: {listen: "host:port"}</c>. The listener is optional: without the section, or
/// without <c>listen</c>, nothing is opened.
/// </summary>
internal static class HttpSectionBinder
{
    private const string Forms = "expected host:port, e.g. 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464";

    /// <summary>Null when there is no listener or the value has a problem (already reported).</summary>
    public static HttpSettings? Bind(ConfigSection section)
    {
        var listen = section.String("listen");
        section.ReportUnknownKeys();
        if (listen is null)
        {
            return null;
        }

        var settings = Parse(listen.Trim());
        if (settings is null)
        {
            section.Problem("listen", Forms);
        }

        return settings;
    }

    internal static HttpSettings? Parse(string listen)
    {
        string host;
        string portText;
        if (listen.StartsWith('['))
        {
            var close = listen.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= listen.Length || listen[close + 1] != ':')
            {
                return null;
            }

            host = listen[1..close];
            portText = listen[(close + 2)..];
        }
        else
        {
            var colon = listen.LastIndexOf(':');
            if (colon <= 0 || listen.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                return null;
            }

            host = listen[..colon];
            portText = listen[(colon + 1)..];
        }

        var validHost = host == "*" || HostNames.IsValid(host);
        var validPort = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;
        return validHost && validPort ? new HttpSettings(host, port) : null;
    }
}

namespace Printernizer.Bridge.Configuration;

/// <summary>The <c>http:</c> section: where the metrics and health listener binds. Absent means no listener.</summary>
/// <param name="Host">A host name, an IP address (IPv6 without brackets), or <c>*</c> for every interface.</param>
internal sealed record HttpSettings(string Host, int Port)
{
    /// <summary>True when <see cref="Host"/> stands for every interface, so a local client must pick loopback itself.</summary>
    public bool AllInterfaces => Host is "*" or "0.0.0.0" or "::";

    /// <summary>As users write it: <c>127.0.0.1:9464</c>, <c>[::1]:9464</c>.</summary>
    public string Listen => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

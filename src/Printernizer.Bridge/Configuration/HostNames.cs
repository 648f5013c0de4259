namespace Printernizer.Bridge.Configuration;

/// <summary>What counts as a host: a DNS name or an IPv4/IPv6 address, nothing around it.</summary>
internal static class HostNames
{
    public static bool IsValid(string host) =>
        host.Length > 0 && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
}

using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// A Bambu printer's settings. Only the first six come from YAML; the rest are production
/// defaults that tests shrink.
/// </summary>
internal sealed record BambuSettings(
    string Serial,
    string AccessCode,
    string? CaFile,
    bool TlsInsecure,
    TimeSpan Watchdog,
    TimeSpan AuthRetry) : IPrinterSettings
{
    public static readonly TimeSpan DefaultWatchdog = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultAuthRetry = TimeSpan.FromMinutes(5);

    public TimeSpan ReconnectBase { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectCap { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>P1/A1 get at most one extra <c>pushall</c> per this interval (their hardware lags otherwise).</summary>
    public TimeSpan PushallInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A session shorter than this ends like a failed connect: the next attempt backs off further.</summary>
    public TimeSpan StableSession { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The printer's FTPS port (implicit TLS); <c>ftps_port</c> in YAML, for printers behind port forwarding.</summary>
    public int FtpsPort { get; init; } = DefaultFtpsPort;

    public const int DefaultFtpsPort = 990;

    /// <summary>Never print the access code, not even through a record's generated ToString.</summary>
    public override string ToString() =>
        $"BambuSettings {{ Serial = {Serial}, CaFile = {CaFile}, TlsInsecure = {TlsInsecure}, Watchdog = {Watchdog}, AuthRetry = {AuthRetry} }}";
}

using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// A Prusa printer's own settings. Only the positional values come from <c>config.yaml</c>;
/// the init-only knobs keep production defaults and exist so tests can shrink them.
/// </summary>
/// <param name="Password">Digest password; null when <paramref name="ApiKey"/> is used.</param>
/// <param name="ApiKey">Sent as <c>X-Api-Key</c>; null when Digest is used.</param>
internal sealed record PrusaSettings(
    string Username,
    string? Password,
    string? ApiKey,
    TimeSpan PollActive,
    TimeSpan PollIdle,
    TimeSpan AuthRetry) : IPrinterSettings
{
    public const string DefaultUsername = "maker";

    public static TimeSpan DefaultPollActive { get; } = TimeSpan.FromSeconds(2);
    public static TimeSpan DefaultPollIdle { get; } = TimeSpan.FromSeconds(30);
    public static TimeSpan DefaultAuthRetry { get; } = TimeSpan.FromMinutes(5);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the printer is polled at <see cref="PollActive"/> after a command (HA does the same for 30 s).</summary>
    public TimeSpan FastPollWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Buddy closes idle keep-alive connections after 60 s; dropping ours first avoids racing its close.</summary>
    public TimeSpan IdleConnectionLifetime { get; init; } = TimeSpan.FromSeconds(50);

    public bool UsesApiKey => ApiKey is not null;

    // Records print every property; the secrets must never reach a log line.
    public override string ToString() =>
        $"PrusaSettings {{ Username = {Username}, Auth = {(UsesApiKey ? "api_key" : "digest")}, PollActive = {PollActive}, PollIdle = {PollIdle}, AuthRetry = {AuthRetry} }}";
}

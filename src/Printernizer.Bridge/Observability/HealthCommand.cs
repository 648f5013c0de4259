using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// <c>--health</c>: asks the running bridge's <c>/readyz</c> on the configured <c>http.listen</c>.
/// Exit 0 when it answers 200, 1 otherwise (the container HEALTHCHECK relies on exactly this).
/// </summary>
internal static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string configPath, PrinterTypeRegistry registry, TextWriter output, TextWriter error)
    {
        var loaded = new BridgeConfigLoader().Load(configPath, Environment.GetEnvironmentVariable, registry);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await error.WriteLineAsync("unhealthy: the configuration has problems").ConfigureAwait(false);
            return 1;
        }

        if (loaded.Config.Http is not { } http)
        {
            await error.WriteLineAsync($"unhealthy: {configPath} has no http.listen, so the bridge serves no /readyz (add http: {{listen: \"127.0.0.1:9464\"}})").ConfigureAwait(false);
            return 1;
        }

        var url = ReadyUrl(http);
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = Timeout };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url).ConfigureAwait(false);
            var body = (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim().ReplaceLineEndings("; ");
            var status = (int)response.StatusCode;
            if (status == 200)
            {
                await output.WriteLineAsync($"healthy: {url} answered 200 ({body})").ConfigureAwait(false);
                return 0;
            }

            await error.WriteLineAsync($"unhealthy: {url} answered {status} ({body})").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"unhealthy: no answer from {url}: {(ex is TaskCanceledException ? "timed out" : ex.Message)}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>A listener on every interface is asked on loopback.</summary>
    public static Uri ReadyUrl(HttpSettings http)
    {
        var host = http.Host switch
        {
            "*" or "0.0.0.0" => "127.0.0.1",
            "::" => "[::1]",
            _ => http.Host.Contains(':', StringComparison.Ordinal) ? $"[{http.Host}]" : http.Host,
        };
        return new Uri($"http://{host}:{http.Port}/readyz");
    }
}

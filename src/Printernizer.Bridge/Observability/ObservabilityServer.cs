using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.Observability;

/// <summary>
/// The optional HTTP listener (<c>http.listen</c>): <c>/metrics</c> in the Prometheus text
/// format, <c>/healthz</c> and <c>/readyz</c>. A port that cannot be bound is logged and retried;
/// it never stops the bridge.
/// </summary>
internal sealed partial class ObservabilityServer : BackgroundService
{
    private static readonly TimeSpan BindRetry = TimeSpan.FromSeconds(30);

    private readonly HttpSettings _settings;
    private readonly BridgeMetrics _metrics;
    private readonly BridgeHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger<ObservabilityServer> _logger;

    public ObservabilityServer(HttpSettings settings, BridgeMetrics metrics, BridgeHealth health, TimeProvider time, ILogger<ObservabilityServer> logger)
    {
        _settings = settings;
        _metrics = metrics;
        _health = health;
        _time = time;
        _logger = logger;
    }

    /// <summary>The HttpListener prefix: <c>+</c> for every interface, else the host, IPv6 in brackets.</summary>
    public static string Prefix(HttpSettings settings) =>
        settings.AllInterfaces ? $"http://+:{settings.Port}/" : $"http://{settings.Listen}/";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var listener = new HttpListener();
            listener.Prefixes.Add(Prefix(_settings));
            try
            {
                listener.Start();
            }
            catch (HttpListenerException ex)
            {
                LogBindFailed(_settings.Listen, ex.Message, BindRetry.TotalSeconds);
                await Task.Delay(BindRetry, _time, stoppingToken).ConfigureAwait(false);
                continue;
            }

            LogListening(_settings.Listen);
            using var registration = stoppingToken.Register(listener.Stop);
            await ServeAsync(listener, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(HttpListener listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // A slow scraper must not hold up the health probe.
            _ = Task.Run(() => AnswerAsync(context, stoppingToken), CancellationToken.None);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "GET")
            {
                await WriteTextAsync(response, 405, "only GET\n", cancellationToken).ConfigureAwait(false);
                return;
            }

            switch (context.Request.Url?.AbsolutePath)
            {
                case "/metrics":
                    response.StatusCode = 200;
                    response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                    await _metrics.ExportAsync(response.OutputStream, cancellationToken).ConfigureAwait(false);
                    break;
                case "/healthz":
                    await WriteReportAsync(response, _health.Liveness(), cancellationToken).ConfigureAwait(false);
                    break;
                case "/readyz":
                    await WriteReportAsync(response, _health.Readiness(), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await WriteTextAsync(response, 404, "not found: try /metrics, /healthz or /readyz\n", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the bridge is stopping.
        }
        catch (Exception ex)
        {
            LogRequestFailed(ex, context.Request.Url?.AbsolutePath);
            TryWriteError(response);
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private static Task WriteReportAsync(HttpListenerResponse response, HealthReport report, CancellationToken cancellationToken) =>
        WriteTextAsync(response, report.Healthy ? 200 : 503, report.Text, cancellationToken);

    private static async Task WriteTextAsync(HttpListenerResponse response, int status, string text, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static void TryWriteError(HttpListenerResponse response)
    {
        try
        {
            response.StatusCode = 500;
        }
        catch (InvalidOperationException)
        {
            // Headers already sent.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics and health listener on http://{Listen}/ (/metrics, /healthz, /readyz)")]
    private partial void LogListening(string listen);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot listen on {Listen}: {Reason}; retrying in {DelaySeconds} s")]
    private partial void LogBindFailed(string listen, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering {Path} failed")]
    private partial void LogRequestFailed(Exception exception, string? path);
}

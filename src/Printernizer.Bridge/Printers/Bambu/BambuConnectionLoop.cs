using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// The one owner of a printer's connection: connects with capped, jittered backoff, runs the
/// session until silence (watchdog) or loss, and waits <c>auth_retry</c> after a refused access
/// code or certificate instead of retrying in a tight loop.
/// </summary>
internal sealed class BambuConnectionLoop
{
    private readonly string _printerId;
    private readonly string _host;
    private readonly int _port;
    private readonly BambuSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BambuCertificateValidator _validator;
    private readonly BambuSessionRunner _runner;
    private readonly ResiliencePipeline _connectPipeline;
    private readonly BambuStateReporter _reporter;
    private readonly BambuConnectGate _gate;
    private string? _lastRefusal;

    public BambuConnectionLoop(
        string printerId, string host, int port, BambuSettings settings, PrinterAdapterContext context,
        BambuStateReporter reporter, BambuSessionRunner runner, BambuConnectGate gate)
    {
        _gate = gate;
        _printerId = printerId;
        _host = host;
        _port = port;
        _settings = settings;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<BambuConnectionLoop>();
        _validator = new BambuCertificateValidator(printerId, settings, new BambuCertificatePinStore(context.StateDirectory));
        _reporter = reporter;
        _runner = runner;
        _connectPipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.ReconnectBase,
                MaxDelay = settings.ReconnectCap,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not (OperationCanceledException or BambuConnectException)),
                OnRetry = args =>
                {
                    _logger.LogDebug("Printer {PrinterId}: connect attempt {Attempt} failed ({Reason}), next in {Delay}",
                        _printerId, args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_settings.TlsInsecure)
        {
            _logger.LogWarning("Printer {PrinterId}: tls_insecure is on, the printer's certificate is not verified", _printerId);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _connectPipeline.ExecuteAsync(ConnectAndRunAsync, cancellationToken).ConfigureAwait(false);
                await Task.Delay(_settings.ReconnectBase, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (BambuConnectException ex)
            {
                Refused(ex);
                await Task.Delay(_settings.AuthRetry, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A session that ends sooner than <see cref="BambuSettings.StableSession"/> counts as a failed
    /// attempt, so a printer that accepts and then drops us (an A1 busy with another client) gets
    /// the growing backoff instead of a reconnect every second.
    /// </summary>
    private async ValueTask ConnectAndRunAsync(CancellationToken cancellationToken)
    {
        var session = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        _lastRefusal = null;
        var started = _time.GetUtcNow();
        await using (session.ConfigureAwait(false))
        {
            await _runner.RunAsync(session, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var lasted = _time.GetUtcNow() - started;
        if (lasted < _settings.StableSession)
        {
            throw new TimeoutException($"the session ended after {lasted.TotalSeconds:0.#} s");
        }
    }

    private async ValueTask<BambuSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var session = new BambuSession(_printerId, _host, _port, _settings, _validator, _time);
        try
        {
            await _gate.RunAsync(async token => { await session.ConnectAsync(token).ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Printer {PrinterId}: connected to {Host}:{Port}", _printerId, _host, _port);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            _reporter.Offline(error: null);
            throw;
        }
    }

    /// <summary>Logged once per distinct refusal: the retry every <c>auth_retry</c> stays quiet.</summary>
    private void Refused(BambuConnectException ex)
    {
        if (_lastRefusal != ex.Message)
        {
            _logger.LogError("Printer {PrinterId}: {Reason}; retrying every {Interval}", _printerId, ex.Message, _settings.AuthRetry);
            _lastRefusal = ex.Message;
        }

        _reporter.Offline(new PrinterError(ex.Code, ex.Message));
    }
}

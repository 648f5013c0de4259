using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>
/// One PrusaLink printer. <see cref="RunAsync"/> owns the connection: identify on connect, poll,
/// back off with jitter when the printer goes away, wait <see cref="PrusaSettings.AuthRetry"/>
/// after refused credentials. Commands share the same client, so they queue behind the poll.
/// </summary>
internal sealed class PrusaPrinterAdapter : IPrinterAdapter, IPrinterFileAccess, IJobThumbnailSource
{
    private const int BadBodiesBeforeOffline = 3;

    private readonly PrusaSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PrusaLinkClient _client;
    private readonly PrusaPoller _poller;
    private readonly PrusaJobCommands _commands;
    private readonly PrusaPollSignal _signal;
    private readonly PrusaFileAccess _files;
    private readonly PrusaJobThumbnail _thumbnail;
    private readonly ResiliencePipeline _reconnect;
    private readonly IPrinterMetrics _metrics;
    private PrinterState _state;
    private IPrinterStateSink? _sink;
    private bool _problemLogged;
    private int _currentJobId = -1;

    public PrusaPrinterAdapter(PrinterDefinition printer, PrusaSettings settings, PrinterAdapterContext context)
    {
        PrinterId = printer.Id;
        _settings = settings;
        _time = context.Time;
        _logger = context.LoggerFactory.CreateLogger<PrusaPrinterAdapter>(); // the supervisor's scope adds the printer id
        _metrics = context.MetricsFor(printer);
        _client = new PrusaLinkClient(new UriBuilder(Uri.UriSchemeHttp, printer.Host, printer.Port).Uri, settings, _time);
        _poller = new PrusaPoller(_client, _time, printer.Model, _metrics);
        _commands = new PrusaJobCommands(_client, _poller);
        _signal = new PrusaPollSignal(_time, settings.FastPollWindow);
        _files = new PrusaFileAccess(printer.Id, _client);
        _thumbnail = new PrusaJobThumbnail(_client, _files);
        _state = new PrinterState { PrinterId = printer.Id, Model = printer.Model };
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<PrusaTransientException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BackoffBase,
                MaxDelay = settings.BackoffCap,
                OnRetry = args =>
                {
                    ReportOffline(args.Outcome.Exception?.Message ?? "unreachable", args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    public string PrinterId { get; }

    public async Task RunAsync(IPrinterStateSink sink, CancellationToken cancellationToken)
    {
        _sink = sink;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _reconnect.ExecuteAsync(async ct => await SessionAsync(ct).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (PrusaAuthException ex)
            {
                ReportAuthFailure(ex);
                await DelayAsync(_settings.AuthRetry, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The loop is the printer's boundary: nothing but cancellation may end it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Prusa connection loop failed unexpectedly; retrying");
                ReportOffline("internal error", _settings.BackoffCap);
                await DelayAsync(_settings.BackoffCap, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<CommandResult> ExecuteAsync(PrinterCommand command, CancellationToken cancellationToken)
    {
        var jobId = Volatile.Read(ref _currentJobId);
        var result = await _commands.ExecuteAsync(
            command,
            jobId >= 0 ? jobId : null,
            refreshed => Volatile.Write(ref _currentJobId, refreshed ?? -1),
            cancellationToken).ConfigureAwait(false);
        // Whatever the answer, the printer's state may have moved: look now and keep looking closely.
        _signal.StartFastWindow();
        return result;
    }

    public Task<IReadOnlyList<PrinterFileEntry>> ListFilesAsync(string path, CancellationToken cancellationToken) =>
        _files.ListFilesAsync(path, cancellationToken);

    public Task DownloadAsync(string path, Stream destination, IProgress<long>? progress, CancellationToken cancellationToken) =>
        _files.DownloadAsync(path, destination, progress, cancellationToken);

    public Task<byte[]?> GetJobThumbnailAsync(PrintJob job, CancellationToken cancellationToken) =>
        _thumbnail.FetchAsync(job, cancellationToken);

    /// <summary>ETag hits of the file listings (tests).</summary>
    internal int CachedListingHits => _files.CachedListingHits;

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _signal.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Returns when an established connection is lost; throws when none could be established.</summary>
    private async Task SessionAsync(CancellationToken cancellationToken)
    {
        _state = await _poller.IdentifyAsync(_state, cancellationToken).ConfigureAwait(false);
        var online = false;
        var badBodies = 0;
        while (true)
        {
            PrusaPollResult result;
            try
            {
                result = await _poller.PollAsync(_state, cancellationToken).ConfigureAwait(false);
                badBodies = 0;
            }
            catch (PrusaTransientException ex) when (online)
            {
                ReportOffline(ex.Message, TimeSpan.Zero);
                return;
            }
            catch (PrusaBadResponseException ex)
            {
                _metrics.InputRejected("bad_response");
                _logger.LogWarning("Prusa printer sent an unusable answer: {Problem}", ex.Message);
                if (++badBodies >= BadBodiesBeforeOffline)
                {
                    throw new PrusaTransientException(ex.Message, ex);
                }

                await _signal.WaitAsync(_settings.PollActive, cancellationToken).ConfigureAwait(false);
                continue;
            }

            online = true;
            Volatile.Write(ref _currentJobId, result.JobId ?? -1);
            Report(result.State, "online");
            var interval = result.JobActive || _signal.InFastWindow ? _settings.PollActive : _settings.PollIdle;
            await _signal.WaitAsync(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Report(PrinterState state, string episode)
    {
        if (_state.UpdatedAt != default && state with { UpdatedAt = _state.UpdatedAt } == _state)
        {
            // Most polls change nothing; the kept UpdatedAt stays the time of the last change.
            return;
        }

        if (!_state.Online && state.Online && _problemLogged)
        {
            _logger.LogInformation("Prusa printer is {Episode} again", episode);
            _problemLogged = false;
        }

        _state = state;
        _sink?.Report(state);
    }

    private void ReportOffline(string reason, TimeSpan retryIn)
    {
        if (!_problemLogged)
        {
            _logger.LogWarning("Prusa printer unreachable ({Reason}); retrying with backoff, next in {Delay}", reason, retryIn);
            _problemLogged = true;
        }

        if (_state.Online || _state.UpdatedAt == default)
        {
            Report(_state with { Online = false, UpdatedAt = _time.GetUtcNow() }, "offline");
        }
    }

    private void ReportAuthFailure(PrusaAuthException ex)
    {
        var error = new PrinterError("auth_failed", "authentication failed: the printer refused the configured credentials");
        if (_state.Error != error || _state.Online)
        {
            _logger.LogError("Printer {PrinterId}: the Prusa printer refused the credentials (HTTP {Status}); check password / api_key; next attempt in {Delay}", PrinterId, ex.StatusCode, _settings.AuthRetry);
            _problemLogged = true;
            Report(_state with { Online = false, Error = error, UpdatedAt = _time.GetUtcNow() }, "offline");
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the loop condition ends the run.
        }
    }
}

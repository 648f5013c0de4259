using Microsoft.Extensions.Logging;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Runs one connected session: <c>get_version</c> and <c>pushall</c> at start, every message
/// through decoder, cache and normalizer, a periodic <c>pushall</c> on delta models, and the
/// watchdog. Returns when the session is lost or silent; the state is then offline.
/// </summary>
internal sealed class BambuSessionRunner
{
    private readonly string _printerId;
    private readonly BambuSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BambuReportPipeline _pipeline;
    private readonly BambuCommandTracker _commands;
    private readonly BambuStateReporter _reporter;
    private readonly IPrinterMetrics _metrics;
    private bool _lockedByReply;
    private volatile BambuSession? _current;

    public BambuSessionRunner(
        string printerId, BambuSettings settings, TimeProvider time, ILogger logger,
        BambuInputFaultCounter faults, BambuCommandTracker commands, BambuStateReporter reporter, IPrinterMetrics metrics)
    {
        _printerId = printerId;
        _settings = settings;
        _time = time;
        _logger = logger;
        _pipeline = new BambuReportPipeline(faults);
        _commands = commands;
        _reporter = reporter;
        _metrics = metrics;
    }

    /// <summary>The live session commands go through; null while disconnected.</summary>
    public BambuSession? Current => _current;

    public async Task RunAsync(BambuSession session, CancellationToken cancellationToken)
    {
        _lockedByReply = false;
        _current = session;
        try
        {
            await session.PublishAsync(BambuCommandBuilder.GetVersion(), cancellationToken).ConfigureAwait(false);
            await session.PublishAsync(BambuCommandBuilder.Pushall(), cancellationToken).ConfigureAwait(false);
            await ReadAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Printer {PrinterId}: session ended: {Reason}", _printerId, ex.Message);
        }
        finally
        {
            _current = null;
            _reporter.Offline(error: null);
        }
    }

    /// <remarks>
    /// One wake-up timer per session, armed for the earliest deadline (watchdog or pushall) and
    /// re-armed only when it fires: both deadlines only move later while messages arrive, so a
    /// healthy session touches the timer about once a minute instead of creating a timed
    /// cancellation for every message (a thousand printers report a thousand times a second).
    /// </remarks>
    private async Task ReadAsync(BambuSession session, CancellationToken cancellationToken)
    {
        var lastMessage = _time.GetUtcNow();
        var lastPushall = lastMessage;
        using var wakeUp = _time.CreateTimer(static s => ((BambuSession)s!).WakeUp(), session, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        DateTimeOffset? armedFor = null;
        while (true)
        {
            var now = _time.GetUtcNow();
            var watchdogLeft = _settings.Watchdog - (now - lastMessage);
            if (watchdogLeft <= TimeSpan.Zero)
            {
                _logger.LogWarning("Printer {PrinterId}: no message for {Watchdog}, reconnecting", _printerId, _settings.Watchdog);
                return;
            }

            if (SendsDeltas() && now - lastPushall >= _settings.PushallInterval)
            {
                await session.PublishAsync(BambuCommandBuilder.Pushall(), cancellationToken).ConfigureAwait(false);
                lastPushall = now;
            }

            if (!session.Inbound.TryRead(out var inbound))
            {
                var wait = SendsDeltas() ? Min(watchdogLeft, _settings.PushallInterval - (now - lastPushall)) : watchdogLeft;
                var deadline = now + wait;
                if (armedFor is not { } armed || armed > deadline)
                {
                    wakeUp.Change(Max(wait, TimeSpan.FromMilliseconds(1)), Timeout.InfiniteTimeSpan);
                    armedFor = deadline;
                }

                inbound = await session.Inbound.ReadAsync(cancellationToken).ConfigureAwait(false);
            }

            if (inbound.IsWakeUp)
            {
                armedFor = null;
                continue;
            }

            if (inbound.Disconnected)
            {
                _logger.LogWarning("Printer {PrinterId}: connection lost", _printerId);
                return;
            }

            lastMessage = _time.GetUtcNow();
            _metrics.MessageReceived();
            Handle(inbound);
        }
    }

    private void Handle(BambuInbound inbound)
    {
        if (inbound.Payload is null)
        {
            _pipeline.RecordOversize(inbound.OversizeLength);
            return;
        }

        if (_pipeline.Accept(inbound.Payload, out var acknowledgement) is not { } kind)
        {
            return;
        }

        if (acknowledgement is not null)
        {
            _lockedByReply |= BambuCommandTracker.IsLockedReply(acknowledgement);
            _commands.Complete(acknowledgement);
        }

        if (kind != BambuMessageKind.Ignored && _pipeline.Cache.HasReport)
        {
            Publish();
        }
    }

    private void Publish()
    {
        var state = _pipeline.Normalize(_reporter.Current, _lockedByReply, _time.GetUtcNow());
        _reporter.Report(state);
    }

    private bool SendsDeltas() => BambuModelCatalog.Find(_pipeline.Cache.Version.Model)?.SendsDeltas ?? _pipeline.Cache.SawDelta;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

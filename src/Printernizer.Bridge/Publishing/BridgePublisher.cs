using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.HomeAssistant;
using Printernizer.Bridge.Observability;
using Printernizer.Bridge.Printers;
using Printernizer.Bridge.Publishing.Mqtt;
using Printernizer.Bridge.Publishing.Payloads;
using Printernizer.Bridge.State;

namespace Printernizer.Bridge.Publishing;

/// <summary>
/// Turns printer states into topics. A single loop owns every cache (last payload per topic,
/// discovery, event memory), so states of one printer are handled in the order they were
/// reported and each transition yields exactly one event.
/// </summary>
internal sealed partial class BridgePublisher : BackgroundService
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HomeAssistantDelay = TimeSpan.FromSeconds(2);

    /// <summary>bridge/info carries uptime and counters, so it changes all the time: at most this often.</summary>
    public static readonly TimeSpan InfoInterval = TimeSpan.FromSeconds(30);

    private readonly BridgeConfig _config;
    private readonly TopicLayout _topics;
    private readonly IBrokerConnection _broker;
    private readonly PrinterFleet _fleet;
    private readonly PrinterMemoryStore _memoryStore;
    private readonly DiscoveryPublisher? _discovery;
    private readonly TimeProvider _time;
    private readonly ILogger<BridgePublisher> _logger;
    private readonly Channel<PublisherWork> _work = Channel.CreateUnbounded<PublisherWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, PrinterPublication> _publications = new(StringComparer.Ordinal);
    private readonly PayloadBuffer _payloads = new();
    private readonly Dictionary<string, PrinterMemory> _memory = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;
    private readonly BridgeMetrics? _metrics;
    private DateTimeOffset _infoPublishedAt;
    private long _lastLoopTicks;
    private bool _scannedRetainedConfigs;

    public BridgePublisher(
        BridgeConfig config,
        TopicLayout topics,
        IBrokerConnection broker,
        PrinterFleet fleet,
        PrinterMemoryStore memoryStore,
        DiscoveryPublisher? discovery,
        TimeProvider time,
        ILogger<BridgePublisher> logger,
        BridgeMetrics? metrics = null)
    {
        _metrics = metrics;
        _config = config;
        _topics = topics;
        _broker = broker;
        _fleet = fleet;
        _memoryStore = memoryStore;
        _discovery = discovery;
        _time = time;
        _logger = logger;
        _startedAt = time.GetUtcNow();
        _lastLoopTicks = _startedAt.UtcTicks;
        foreach (var printer in fleet.All)
        {
            _publications[printer.Id] = new PrinterPublication(printer.Id, topics, config.Control, _payloads);
            _memory[printer.Id] = memoryStore.Load(printer.Id);
        }

        broker.OnConnected(OnBrokerConnectedAsync);
        if (discovery is not null)
        {
            broker.Subscribe(topics.HomeAssistantStatus, OnHomeAssistantStatusAsync);
        }
    }

    /// <summary>When the publisher loop last handled work; it ticks every 5 s, so an old value means it is stuck.</summary>
    public DateTimeOffset LastLoopActivity => new(Interlocked.Read(ref _lastLoopTicks), TimeSpan.Zero);

    /// <summary>Called by printer sinks from any thread; never blocks.</summary>
    public void Report(PrinterState state) => _work.Writer.TryWrite(new PublisherWork(PublisherWorkKind.StateReported, state));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticker = new PeriodicTimer(TickInterval, _time);
        var ticks = TickAsync(ticker, stoppingToken);
        var output = new List<OutgoingMessage>(16);
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    Handle(work, output);
                }
                catch (Exception ex)
                {
                    // One bad state must not stop publishing for every other printer.
                    LogWorkFailed(ex, work.Kind.ToString(), work.State?.PrinterId);
                }

                foreach (var message in output)
                {
                    _broker.Enqueue(message);
                }

                output.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await ticks.ConfigureAwait(false);
    }

    private void Handle(PublisherWork work, List<OutgoingMessage> output)
    {
        var now = _time.GetUtcNow();
        Interlocked.Exchange(ref _lastLoopTicks, now.UtcTicks);
        switch (work.Kind)
        {
            case PublisherWorkKind.StateReported when work.State is { } state:
                HandleState(state, now, output);
                break;
            case PublisherWorkKind.Connected:
                if (work.RetainedConfigs is { } retained && _discovery is not null)
                {
                    output.AddRange(_discovery.ClearStale(retained, _fleet.Ids));
                }

                RepublishAll(output);
                break;
            case PublisherWorkKind.RepublishAll:
                RepublishAll(output);
                break;
            case PublisherWorkKind.Tick:
                foreach (var publication in _publications.Values)
                {
                    publication.Flush(now, output);
                }

                if (_metrics is not null && now - _infoPublishedAt >= InfoInterval)
                {
                    PublishInfo(now, output);
                }

                break;
        }
    }

    private void HandleState(PrinterState state, DateTimeOffset now, List<OutgoingMessage> output)
    {
        if (!_publications.TryGetValue(state.PrinterId, out var publication) || !_fleet.TryGet(state.PrinterId, out var printer))
        {
            return;
        }

        if (state.HasData)
        {
            _discovery?.PublishPrinter(printer.Definition, state, output);
        }

        publication.Update(state, now, output);

        var (events, memory) = EventDetector.Detect(_memory[state.PrinterId], state, now);
        if (memory != _memory[state.PrinterId])
        {
            _memory[state.PrinterId] = memory;
            _memoryStore.Save(state.PrinterId, memory);
        }

        foreach (var printerEvent in events)
        {
            LogEvent(state.PrinterId, printerEvent.Type.ToWire());
            output.Add(new OutgoingMessage(_topics.Event(state.PrinterId), PayloadSerializer.Event(printerEvent), Retain: false));
        }
    }

    private void RepublishAll(List<OutgoingMessage> output)
    {
        PublishInfo(_time.GetUtcNow(), output);
        if (_discovery is not null)
        {
            _discovery.PublishBridge(output);
            _discovery.RepublishAll(output);
        }

        foreach (var publication in _publications.Values)
        {
            publication.RepublishAll(output);
        }
    }

    private void PublishInfo(DateTimeOffset now, List<OutgoingMessage> output)
    {
        _infoPublishedAt = now;
        var diagnostics = _metrics?.Printers.ToDictionary(p => p.PrinterId, p => p.Snapshot(), StringComparer.Ordinal)
            ?? new Dictionary<string, PrinterDiagnostics>(StringComparer.Ordinal);
        var payload = BridgeInfoPayload.Create(_config, Hosting.BridgeVersion.Current, _startedAt, now, diagnostics);
        output.Add(new OutgoingMessage(_topics.BridgeInfo, payload, Retain: true));
    }

    private async Task OnBrokerConnectedAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<IncomingMessage>? retained = null;
        if (_discovery is not null && !_scannedRetainedConfigs)
        {
            _scannedRetainedConfigs = true;
            retained = await _broker.CollectRetainedAsync(_topics.AllDiscoveryConfigs, DiscoveryPublisher.RetainedScanWindow, cancellationToken).ConfigureAwait(false);
        }

        // Every (re)connect republishes the retained topics: a broker without persistence lost them.
        _work.Writer.TryWrite(new PublisherWork(PublisherWorkKind.Connected, RetainedConfigs: retained));
    }

    private ValueTask OnHomeAssistantStatusAsync(IncomingMessage message)
    {
        if (message.Payload.AsSpan().SequenceEqual("online"u8) && !message.Retain)
        {
            _ = Task.Delay(HomeAssistantDelay, _time)
                .ContinueWith(_ => _work.Writer.TryWrite(new PublisherWork(PublisherWorkKind.RepublishAll)), TaskScheduler.Default);
        }

        return ValueTask.CompletedTask;
    }

    private async Task TickAsync(PeriodicTimer ticker, CancellationToken cancellationToken)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                _work.Writer.TryWrite(new PublisherWork(PublisherWorkKind.Tick));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing failed for {Kind} (printer {PrinterId})")]
    private partial void LogWorkFailed(Exception exception, string kind, string? printerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId}: {EventType}")]
    private partial void LogEvent(string printerId, string eventType);
}

using System.Collections.Concurrent;
using Printernizer.Simulators.Networking;

namespace Printernizer.Simulators.Prusa;

/// <summary>
/// A PrusaLink printer on loopback for tests, the demo mode and the benchmark. Keeps its job
/// state across <see cref="StopAsync"/>/<see cref="RestartAsync"/> (the network went away, not the printer).
/// </summary>
internal sealed class PrusaLinkSimulator : IAsyncDisposable
{
    private readonly PrusaSimPrinter _printer;
    private readonly PrusaHttpServer _server;
    private readonly ConcurrentQueue<PrusaRequestRecord> _log = new();
    private int _fault;

    private PrusaLinkSimulator(PrusaSimulatorOptions options)
    {
        Options = options;
        _printer = new PrusaSimPrinter(options);
        var router = new PrusaSimRouter(options, _printer, () => Fault);
        _server = new PrusaHttpServer(options.Address, options.ConnectionSlots, options.IdleConnectionTimeout, options.TimeProvider,
            async (request, ct) =>
            {
                var receivedAt = options.TimeProvider.GetUtcNow();
                var response = await router.HandleAsync(request, ct).ConfigureAwait(false);
                _log.Enqueue(new PrusaRequestRecord(
                    request.ConnectionId,
                    request.Method,
                    request.Target,
                    response?.Status ?? 0,
                    request.Header("Authorization") is not null || request.Header("X-Api-Key") is not null)
                {
                    ReceivedAt = receivedAt,
                });
                return response;
            });
    }

    public PrusaSimulatorOptions Options { get; }

    public int Port => _server.Port;

    public Uri BaseUri => new($"http://{Options.Address}:{Port}/");

    public IReadOnlyList<PrusaRequestRecord> RequestLog => _log.ToArray();

    /// <summary>Requests answered so far, without copying the log.</summary>
    public int RequestCount => _log.Count;

    public int MaxConcurrentConnections => _server.MaxConcurrentConnections;

    /// <summary>Keep-alive connections open right now (a client that closed its session is gone from it).</summary>
    public int OpenConnections => _server.OpenConnections;

    public PrusaFault Fault => (PrusaFault)Volatile.Read(ref _fault);

    public PrusaSimSnapshot Snapshot => _printer.Snapshot();

    public static Task<PrusaLinkSimulator> StartAsync(PrusaSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var simulator = new PrusaLinkSimulator(options);
        simulator._server.Start(options.Port == 0 ? LoopbackPorts.Reserve() : options.Port);
        return Task.FromResult(simulator);
    }

    /// <summary>A fleet for the benchmark and the demo; ports are consecutive from <paramref name="template"/>'s port unless it is 0.</summary>
    public static async Task<IReadOnlyList<PrusaLinkSimulator>> StartFleetAsync(int count, PrusaSimulatorOptions template, CancellationToken cancellationToken = default)
    {
        var fleet = new List<PrusaLinkSimulator>(count);
        for (var i = 0; i < count; i++)
        {
            var options = template with
            {
                Port = template.Port == 0 ? 0 : template.Port + i,
                Serial = $"{template.Serial}-{i + 1}",
                FirstJobId = template.FirstJobId + (i * 1000),
            };
            fleet.Add(await StartAsync(options, cancellationToken).ConfigureAwait(false));
        }

        return fleet;
    }

    public int StartJob(string? fileName = null) => _printer.StartJob(fileName);

    public void AcknowledgeEnd() => _printer.AcknowledgeEnd();

    /// <summary>Someone stops the print on the printer's screen; false without a running or paused job.</summary>
    public bool StopOnScreen() => _printer.CancelFromPanel();

    public void SetFault(PrusaFault fault) => Volatile.Write(ref _fault, (int)fault);

    public void ClearRequestLog() => _log.Clear();

    /// <summary>The printer vanishes from the network: listener and open connections close.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <summary>Back on the same port, with the job state it had.</summary>
    public async Task RestartAsync()
    {
        var port = Port;
        await _server.StopAsync().ConfigureAwait(false);
        _server.Start(port);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

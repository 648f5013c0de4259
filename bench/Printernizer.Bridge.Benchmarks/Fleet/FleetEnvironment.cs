using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>
/// One run's processes: the broker (Mosquitto or the given URL), the simulator fleet and the
/// bridge, each a separate process, plus the subscriber in this one.
/// </summary>
internal sealed class FleetEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly List<string> _errorLines = [];
    private long _bambuReports;
    private long _prusaRequests;
    private int _errors;
    private int _warnings;
    private StreamWriter? _bridgeLog;

    private FleetEnvironment(string workDirectory, long epoch)
    {
        WorkDirectory = workDirectory;
        Epoch = epoch;
        Subscriber = new FleetSubscriber(epoch);
    }

    public string WorkDirectory { get; }

    public long Epoch { get; }

    public FleetSubscriber Subscriber { get; }

    public ChildProcess Simulator { get; private set; } = null!;

    public ChildProcess Bridge { get; private set; } = null!;

    public int PrinterCount { get; private set; }

    public long BridgeStarted { get; private set; }

    public long BambuReports => Interlocked.Read(ref _bambuReports);

    public long PrusaRequests => Interlocked.Read(ref _prusaRequests);

    public int Errors => Volatile.Read(ref _errors);

    public int Warnings => Volatile.Read(ref _warnings);

    public IReadOnlyList<string> ErrorLines
    {
        get { lock (_errorLines) { return [.. _errorLines]; } }
    }

    public static async Task<FleetEnvironment> StartAsync(FleetArguments args, RepositoryPaths paths)
    {
        var work = Directory.CreateTempSubdirectory("printernizer-bench-").FullName;
        var environment = new FleetEnvironment(work, Stopwatch.GetTimestamp());
        try
        {
            await environment.LaunchAsync(args, paths).ConfigureAwait(false);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Flood(string rate)
    {
        Simulator.Input.WriteLine($"flood {rate}");
        Simulator.Input.Flush();
    }

    public async ValueTask DisposeAsync()
    {
        // Bridge first (it publishes "offline"), then the simulators, then the broker.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }

        if (_bridgeLog is { } log)
        {
            await log.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private async Task LaunchAsync(FleetArguments args, RepositoryPaths paths)
    {
        var broker = args.Broker;
        if (broker is null)
        {
            var mosquitto = await MosquittoBroker.StartAsync(WorkDirectory).ConfigureAwait(false);
            _owned.Add(mosquitto);
            broker = new Uri($"mqtt://127.0.0.1:{mosquitto.Port}");
        }

        await Subscriber.ConnectAsync(broker).ConfigureAwait(false);
        _owned.Add(Subscriber);

        var endpoints = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Simulator = ChildProcess.Start("dotnet", [
            paths.SimulatorsDll, "fleet",
            "--bambu", Invariant(args.Bambu), "--prusa", Invariant(args.Prusa), "--hz", Invariant(args.Hz),
            "--stamp-every", Invariant(args.Peak ? 1 : args.StampEvery), "--stamp-epoch", Invariant(Epoch)],
            line => OnSimulatorLine(line, endpoints), redirectInput: true);
        _owned.Add(Simulator);
        var printers = SimulatorEndpoints.Parse(await endpoints.Task.WaitAsync(TimeSpan.FromMinutes(3)).ConfigureAwait(false));
        PrinterCount = printers.Bambu.Count + printers.Prusa.Count;

        var config = BridgeConfigWriter.Write(WorkDirectory, broker, printers, args.BridgeMetricsPort);
        BridgeStarted = Stopwatch.GetTimestamp();
        if (args.BridgeLog is { } logPath)
        {
            _bridgeLog = new StreamWriter(logPath, append: false) { AutoFlush = true };
        }

        Bridge = ChildProcess.Start("dotnet", [paths.BridgeDll, "--config", config], OnBridgeLine, environment: args.BridgeEnvironment);
        _owned.Add(Bridge);
    }

    private void OnSimulatorLine(string line, TaskCompletionSource<string> endpoints)
    {
        if (line.StartsWith("{\"stats\"", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(line);
            var stats = document.RootElement.GetProperty("stats");
            Interlocked.Exchange(ref _bambuReports, stats.GetProperty("bambu_reports").GetInt64());
            Interlocked.Exchange(ref _prusaRequests, stats.GetProperty("prusa_requests").GetInt64());
        }
        else if (line.StartsWith("{\"bambu\"", StringComparison.Ordinal))
        {
            endpoints.TrySetResult(line);
        }
        else
        {
            Console.Error.WriteLine($"simulator: {line}");
        }
    }

    private void OnBridgeLine(string line)
    {
        if (_bridgeLog is { } log)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }

        if (line.Contains(" [ERR] ", StringComparison.Ordinal) || line.Contains(" [FTL] ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errors);
            Remember(line);
        }
        else if (line.Contains(" [WRN] ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
            Remember(line);
        }
    }

    private void Remember(string line)
    {
        lock (_errorLines)
        {
            if (_errorLines.Count < 10)
            {
                _errorLines.Add(line);
            }
        }
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}

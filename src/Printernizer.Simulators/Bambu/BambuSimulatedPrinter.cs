namespace Printernizer.Simulators.Bambu;

/// <summary>
/// The printer's live values and its scripted job: PREPARE (heating, a quarter of the job) →
/// RUNNING (progress and layers rise, remaining minutes fall) → FINISH. Pauses stop the clock.
/// Not thread-safe: <see cref="BambuSimulator"/> serializes access.
/// </summary>
internal sealed class BambuSimulatedPrinter
{
    private const double NozzlePrintTemp = 220;
    private const double BedPrintTemp = 60;
    private const double Ambient = 25;
    private readonly BambuSimulatorOptions _options;
    private TimeSpan _elapsedBeforePause;
    private DateTimeOffset? _runningSince;
    private DateTimeOffset _lastAdvance;
    private int _cancelTicksLeft;
    private int _jobCounter;

    public BambuSimulatedPrinter(BambuSimulatorOptions options, DateTimeOffset now)
    {
        _options = options;
        _lastAdvance = now;
        IdleStage = options.Profile switch
        {
            BambuSimulatorProfile.X1C => -1,
            BambuSimulatorProfile.P1S => 255,
            _ => 0,
        };
        StageCode = IdleStage;
        Locked = options.Locked;
    }

    public int IdleStage { get; }
    public string GcodeState { get; private set; } = "IDLE";
    public int StageCode { get; private set; }
    public int Percent { get; private set; }
    public int Layer { get; private set; }
    public int TotalLayers { get; private set; }
    public int RemainingMinutes { get; private set; }
    public int PreparePercent { get; private set; }
    public double Nozzle { get; private set; } = Ambient;
    public double NozzleTarget { get; private set; }
    public double Bed { get; private set; } = Ambient;
    public double BedTarget { get; private set; }
    public double Chamber { get; private set; } = Ambient;
    public string JobName { get; private set; } = string.Empty;
    public string JobFile { get; private set; } = string.Empty;
    public string TaskId { get; private set; } = "0";
    public long StartUnixSeconds { get; private set; }
    public long PrintError { get; private set; }
    public bool Locked { get; set; }

    public bool IsBusy => GcodeState is "PREPARE" or "RUNNING" or "PAUSE";

    /// <param name="alreadyElapsed">Joins a job in progress (a farm at any moment): heaters are at temperature.</param>
    public void StartJob(string name, DateTimeOffset now, TimeSpan alreadyElapsed = default)
    {
        _jobCounter++;
        JobName = name;
        JobFile = name + ".gcode.3mf";
        TaskId = (9000 + _jobCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        StartUnixSeconds = now.ToUnixTimeSeconds();
        TotalLayers = _options.TotalLayers;
        PrintError = 0;
        _elapsedBeforePause = TimeSpan.Zero;
        _runningSince = now - alreadyElapsed;
        NozzleTarget = NozzlePrintTemp;
        BedTarget = BedPrintTemp;
        if (alreadyElapsed > TimeSpan.Zero)
        {
            StartUnixSeconds = (now - alreadyElapsed).ToUnixTimeSeconds();
            Nozzle = NozzleTarget;
            Bed = BedTarget;
            Chamber = 35;
        }

        Apply(alreadyElapsed);
    }

    public bool Pause(DateTimeOffset now)
    {
        if (GcodeState is not ("RUNNING" or "PREPARE") || _runningSince is not { } since)
        {
            return false;
        }

        _elapsedBeforePause += now - since;
        _runningSince = null;
        GcodeState = "PAUSE";
        StageCode = 16;
        return true;
    }

    public bool Resume(DateTimeOffset now)
    {
        if (GcodeState != "PAUSE")
        {
            return false;
        }

        _runningSince = now;
        Apply(_elapsedBeforePause);
        return true;
    }

    /// <summary>A user cancel: FAILED plus <c>print_error</c> 0x0300400C, cleared two ticks later as on real printers.</summary>
    public bool Stop()
    {
        if (!IsBusy)
        {
            return false;
        }

        _runningSince = null;
        GcodeState = "FAILED";
        StageCode = IdleStage;
        PrintError = 0x0300400C;
        _cancelTicksLeft = 2;
        NozzleTarget = 0;
        BedTarget = 0;
        return true;
    }

    /// <summary>The print fails on its own (e.g. a clogged nozzle): FAILED with the given <c>print_error</c>, kept until the next job.</summary>
    public bool Fail(long printError)
    {
        if (!IsBusy)
        {
            return false;
        }

        _runningSince = null;
        GcodeState = "FAILED";
        StageCode = IdleStage;
        PrintError = printError;
        NozzleTarget = 0;
        BedTarget = 0;
        return true;
    }

    public void Advance(DateTimeOffset now)
    {
        var dt = (now - _lastAdvance).TotalSeconds;
        _lastAdvance = now;
        if (_runningSince is { } since)
        {
            Apply(_elapsedBeforePause + (now - since));
        }

        if (_cancelTicksLeft > 0 && --_cancelTicksLeft == 0)
        {
            PrintError = 0;
        }

        // Heaters approach their targets with a time constant of a tenth of the job.
        var tau = Math.Max(0.05, _options.JobDuration.TotalSeconds / 10);
        var k = Math.Min(1, Math.Max(0, dt) / tau);
        Nozzle = Math.Round(Nozzle + ((NozzleTarget > 0 ? NozzleTarget : Ambient) - Nozzle) * k, 2);
        Bed = Math.Round(Bed + ((BedTarget > 0 ? BedTarget : Ambient) - Bed) * k, 2);
        Chamber = Math.Round(Chamber + ((IsBusy ? 35 : Ambient) - Chamber) * k / 4, 2);
    }

    private void Apply(TimeSpan elapsed)
    {
        var total = _options.JobDuration;
        var prepare = total / 4;
        if (elapsed < prepare)
        {
            GcodeState = "PREPARE";
            StageCode = elapsed < prepare / 2 ? 2 : 7;
            PreparePercent = (int)(100 * elapsed / prepare);
            Percent = 0;
            Layer = 0;
            RemainingMinutes = _options.ReportedJobMinutes;
            return;
        }

        if (elapsed < total)
        {
            var fraction = (elapsed - prepare) / (total - prepare);
            GcodeState = "RUNNING";
            StageCode = 0;
            PreparePercent = 100;
            Percent = (int)Math.Floor(fraction * 100);
            Layer = Math.Max(1, (int)Math.Ceiling(fraction * TotalLayers));
            RemainingMinutes = (int)Math.Round((1 - fraction) * _options.ReportedJobMinutes);
            return;
        }

        _runningSince = null;
        GcodeState = "FINISH";
        StageCode = IdleStage;
        Percent = 100;
        Layer = TotalLayers;
        RemainingMinutes = 0;
        NozzleTarget = 0;
        BedTarget = 0;
    }
}

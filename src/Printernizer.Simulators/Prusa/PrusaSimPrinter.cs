namespace Printernizer.Simulators.Prusa;

/// <summary>
/// The scripted job lifecycle: IDLE → PRINTING (progress rising with time) → FINISHED, with
/// pause, resume and stop. Time advances lazily on each look, in whole ticks.
/// </summary>
internal sealed class PrusaSimPrinter
{
    private readonly PrusaSimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private string _state = "IDLE";
    private int _jobId;
    private bool _hasJob;
    private string _fileName;
    private TimeSpan _printed;
    private long _lastTimestamp;
    private long _startedUnix;

    public PrusaSimPrinter(PrusaSimulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _jobId = options.FirstJobId;
        _fileName = options.JobFileName;
        _lastTimestamp = _time.GetTimestamp();
    }

    public PrusaSimSnapshot Snapshot()
    {
        lock (_lock)
        {
            Advance();
            var ticks = Math.Floor(_printed / _options.Tick);
            var printed = TimeSpan.FromTicks((long)(ticks * _options.Tick.Ticks));
            var progress = Math.Min(100, Math.Floor(100 * printed / _options.JobDuration));
            var remaining = Math.Max(0, (int)(_options.JobDuration - printed).TotalSeconds);
            return new PrusaSimSnapshot(_state, _jobId, _hasJob, _fileName, progress, (int)printed.TotalSeconds, remaining, _startedUnix);
        }
    }

    /// <summary>Starts a print as if chosen on the printer's screen; returns the new job id.</summary>
    public int StartJob(string? fileName)
    {
        lock (_lock)
        {
            Advance();
            if (_state is "PRINTING" or "PAUSED" or "ATTENTION" or "BUSY")
            {
                throw new InvalidOperationException($"cannot start a job while {_state}");
            }

            _jobId = _jobId >= ushort.MaxValue ? 1 : _jobId + 1;
            _state = "PRINTING";
            _hasJob = true;
            _fileName = fileName ?? _options.JobFileName;
            _printed = TimeSpan.Zero;
            _startedUnix = _time.GetUtcNow().ToUnixTimeSeconds();
            return _jobId;
        }
    }

    /// <summary>The user leaves the "finished"/"stopped" screen.</summary>
    public void AcknowledgeEnd()
    {
        lock (_lock)
        {
            Advance();
            if (_state is "FINISHED" or "STOPPED")
            {
                _state = "IDLE";
                _hasJob = false;
            }
        }
    }

    /// <summary>A stop pressed on the printer's screen.</summary>
    public bool CancelFromPanel()
    {
        lock (_lock)
        {
            Advance();
            if (_state is not ("PRINTING" or "PAUSED"))
            {
                return false;
            }

            _state = "STOPPED";
            return true;
        }
    }

    public PrusaSimJobAnswer Command(string id, string command)
    {
        lock (_lock)
        {
            Advance();
            if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return _options.Flavour == PrusaFlavour.Buddy ? PrusaSimJobAnswer.BadId : PrusaSimJobAnswer.WrongJob;
            }

            if (!_hasJob || number != _jobId)
            {
                return PrusaSimJobAnswer.WrongJob;
            }

            var (allowed, next) = command switch
            {
                "stop" => (_state is "PRINTING" or "PAUSED" || (_state == "ATTENTION" && _options.Flavour == PrusaFlavour.Buddy), "STOPPED"),
                "pause" => (_state == "PRINTING", "PAUSED"),
                "resume" => (_state == "PAUSED", "PRINTING"),
                _ => (false, _state),
            };
            if (!allowed)
            {
                return PrusaSimJobAnswer.NotApplicable;
            }

            _state = next;
            return PrusaSimJobAnswer.Done;
        }
    }

    private void Advance()
    {
        var now = _time.GetTimestamp();
        if (_state == "PRINTING")
        {
            _printed += _time.GetElapsedTime(_lastTimestamp, now);
            if (_printed >= _options.JobDuration)
            {
                _printed = _options.JobDuration;
                _state = "FINISHED";
            }
        }

        _lastTimestamp = now;
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Printernizer.Bridge.Hosting.Demo;

/// <summary>
/// Keeps the demo printers busy: each starts a job, and a few seconds after it ended the next
/// one. Every third X1C job fails part-way, every third P1S job and every fourth MK4 job is
/// cancelled on the printer's screen, so every event type shows up.
/// </summary>
internal sealed partial class DemoDirector : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);
    private static readonly string[] JobNames = ["benchy", "calibration_cube", "phone_stand", "cable_clip", "vase"];

    private readonly DemoFleet _fleet;
    private readonly TimeSpan _jobDuration;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoDirector> _logger;

    public DemoDirector(DemoFleet fleet, TimeSpan jobDuration, TimeProvider time, ILogger<DemoDirector> logger)
    {
        _fleet = fleet;
        _jobDuration = jobDuration;
        _time = time;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        LoopAsync("x1c", n => StartBambu(_fleet.X1c, n), n => n % 3 == 2 ? () => _fleet.X1c.FailJob() : null, () => _fleet.X1c.GcodeState is "PREPARE" or "RUNNING" or "PAUSE", static () => { }, stoppingToken),
        LoopAsync("p1s", n => StartBambu(_fleet.P1s, n), n => n % 3 == 1 ? () => _fleet.P1s.CancelJob() : null, () => _fleet.P1s.GcodeState is "PREPARE" or "RUNNING" or "PAUSE", static () => { }, stoppingToken),
        LoopAsync("mk4", n => _fleet.Mk4.StartJob($"{JobNames[n % JobNames.Length]}_0.4n_0.2mm_PLA_MK4_12m.bgcode") > 0, n => n % 4 == 3 ? () => _fleet.Mk4.StopOnScreen() : null, () => _fleet.Mk4.Snapshot.State is "PRINTING" or "PAUSED", _fleet.Mk4.AcknowledgeEnd, stoppingToken));

    private static bool StartBambu(Simulators.Bambu.BambuSimulator simulator, int number)
    {
        simulator.StartJob(JobNames[number % JobNames.Length]);
        return true;
    }

    private async Task LoopAsync(
        string printer, Func<int, bool> start, Func<int, Func<bool>?> interruption, Func<bool> busy, Action acknowledge, CancellationToken cancellationToken)
    {
        try
        {
            for (var number = 0; !cancellationToken.IsCancellationRequested; number++)
            {
                try
                {
                    start(number);
                }
                catch (InvalidOperationException)
                {
                    // Busy with a job started from elsewhere: wait for it like for our own.
                }

                var interrupt = interruption(number);
                var interruptAt = _time.GetUtcNow() + (_jobDuration * 0.6);
                while (busy())
                {
                    await Task.Delay(Step, _time, cancellationToken).ConfigureAwait(false);
                    if (interrupt is not null && _time.GetUtcNow() >= interruptAt)
                    {
                        LogInterrupt(printer);
                        interrupt();
                        interrupt = null;
                    }
                }

                await Task.Delay(Pause, _time, cancellationToken).ConfigureAwait(false);
                acknowledge();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: interrupting the current job on {Printer}")]
    private partial void LogInterrupt(string printer);
}

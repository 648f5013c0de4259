namespace Printernizer.Simulators.Bambu;

/// <summary>One simulated Bambu printer.</summary>
internal sealed record BambuSimulatorOptions
{
    public string Serial { get; init; } = "00M09A350100001";
    public string AccessCode { get; init; } = "12345678";
    public BambuSimulatorProfile Profile { get; init; } = BambuSimulatorProfile.X1C;

    /// <summary>0 picks a free port on loopback.</summary>
    public int Port { get; init; }

    /// <summary>How long a job takes from PREPARE to FINISH (a quarter of it is preparing).</summary>
    public TimeSpan JobDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the printer pushes a report.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The print time shown in <c>mc_remaining_time</c>, so short test jobs still count down in minutes.</summary>
    public int ReportedJobMinutes { get; init; } = 90;

    public int TotalLayers { get; init; } = 120;

    /// <summary>Developer Mode off: commands are refused with <c>err_code</c> 84033543.</summary>
    public bool Locked { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A certificate shared by a fleet (one RSA key per printer takes minutes for a thousand); not disposed by the simulator.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>Benchmark latency stamps: every Nth report carries a new <c>layer_num</c> (0 = the real layer, no stamps).</summary>
    public int StampEvery { get; init; }

    /// <summary>The stamp is the <see cref="System.Diagnostics.Stopwatch"/> time since this timestamp, in microseconds.</summary>
    public long StampEpoch { get; init; }

    /// <summary>
    /// How often the broker checks its clients' keep-alive (null: MQTTnet's 500 ms). Each broker
    /// has a thread of its own for it; a fleet of a thousand sets it high so their wake-ups do not
    /// take the cores the bridge is measured on.
    /// </summary>
    public TimeSpan? KeepAliveMonitorInterval { get; init; }
}

namespace Printernizer.Bridge.Domain;

/// <summary>
/// The one merged, normalized state of a printer. Adapters produce it; the publishing side
/// turns it into topics. An adapter that loses its printer sets <see cref="Online"/> false
/// and keeps every other value as last seen, so nothing falls back to defaults.
/// </summary>
internal sealed record PrinterState
{
    public required string PrinterId { get; init; }

    /// <summary>Reachable and authenticated (the <c>availability</c> topic).</summary>
    public bool Online { get; init; }

    /// <summary>True once the adapter received real data from the printer; before that nothing but availability is published.</summary>
    public bool HasData { get; init; }

    public PrinterStatus Status { get; init; } = PrinterStatus.Unknown;
    public string? Stage { get; init; }
    public PrinterError? Error { get; init; }
    public IReadOnlyList<HmsEntry> Hms { get; init; } = [];
    public ControlState Control { get; init; } = ControlState.Available;
    public string? Model { get; init; }
    public string? Firmware { get; init; }
    public string? Serial { get; init; }
    public Temperatures Temperatures { get; init; } = Temperatures.None;
    public JobProgress Progress { get; init; } = JobProgress.None;
    public PrintJob Job { get; init; } = PrintJob.None;
    public FilamentState Filament { get; init; } = FilamentState.None;
    public FanSpeeds Fans { get; init; } = FanSpeeds.None;
    public MotionSettings Motion { get; init; } = MotionSettings.None;
    public LightStates Lights { get; init; } = LightStates.None;
    public PrinterCapabilities Capabilities { get; init; } = PrinterCapabilities.Minimal;
    public DateTimeOffset UpdatedAt { get; init; }
}

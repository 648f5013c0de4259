namespace Printernizer.Bridge.Domain;

/// <summary>SPEC §3.2: a sensor the printer does not have is null.</summary>
internal sealed record Temperatures(Temperature? Nozzle, Temperature? Bed, Temperature? Chamber)
{
    public static Temperatures None { get; } = new(null, null, null);
}

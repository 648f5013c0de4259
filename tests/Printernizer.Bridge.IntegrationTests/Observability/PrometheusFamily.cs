namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary>A metric family: its TYPE, HELP and samples, in exposition order.</summary>
internal sealed class PrometheusFamily(string name)
{
    public string Name { get; } = name;

    public string? Type { get; set; }

    public string? Help { get; set; }

    public List<PrometheusSample> Samples { get; } = [];
}

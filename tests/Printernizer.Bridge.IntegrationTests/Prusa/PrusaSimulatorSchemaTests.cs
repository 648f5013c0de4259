using Printernizer.Bridge.Printers.Prusa;
using Printernizer.Simulators.Prusa;

namespace Printernizer.Bridge.IntegrationTests.Prusa;

public sealed class PrusaSimulatorSchemaTests
{
    private static readonly OpenApiSchemaChecker Checker = new(SharedFiles.PrusaOpenApi);

    // Where the firmware differs from openapi.yaml the simulator follows the firmware (facts file
    // §1, §3.3): no server sends Version.version, the Pi sends no Version.printer, and the Pi's
    // status.storage is an array. Everything else must match the spec.
    private static readonly Dictionary<(string Flavour, string Path), string[]> KnownDeviations = new()
    {
        [("Buddy", "/api/version")] = ["$.version: required property missing"],
        [("Pi", "/api/version")] = ["$.version: required property missing", "$.printer: required property missing"],
        [("Pi", "/api/v1/status")] = ["$.storage: expected object, got array"],
    };

    [Theory]
    [InlineData("Buddy", "/api/version")]
    [InlineData("Buddy", "/api/v1/info")]
    [InlineData("Buddy", "/api/v1/status")]
    [InlineData("Buddy", "/api/v1/job")]
    [InlineData("Pi", "/api/version")]
    [InlineData("Pi", "/api/v1/info")]
    [InlineData("Pi", "/api/v1/status")]
    [InlineData("Pi", "/api/v1/job")]
    public async Task Get_SimulatorWhilePrinting_MatchesOpenApiSchema(string flavour, string path)
    {
        var options = PrusaAdapterHarness.SimulatorOptions(Enum.Parse<PrusaFlavour>(flavour)) with { JobDuration = TimeSpan.FromMinutes(5) };
        await using var simulator = await PrusaLinkSimulator.StartAsync(options);
        simulator.StartJob();
        using var client = new PrusaLinkClient(simulator.BaseUri, PrusaAdapterHarness.Settings(options), TimeProvider.System);

        var response = await client.SendAsync(HttpMethod.Get, path, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(KnownDeviations.GetValueOrDefault((flavour, path), []), Checker.CheckGetResponse(path, response.Body));
    }

    [Fact]
    public void CheckGetResponse_BodyBreakingTheSpec_ReportsEachProblem()
    {
        var errors = Checker.CheckGetResponse("/api/v1/status", """{"printer":{"state":"DANCING","temp_bed":"hot"},"job":{"id":1.5}}""");

        Assert.Equal(
            ["$.job.id: expected integer, got number", "$.printer.state: 'DANCING' is not one of the enum values", "$.printer.temp_bed: expected number, got string"],
            errors.Order(StringComparer.Ordinal));
    }
}

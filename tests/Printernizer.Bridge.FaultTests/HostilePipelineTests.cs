using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.FaultTests.Infrastructure;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.FaultTests;

/// <summary>
/// Scenario 7 without the network: the same mutated payloads straight into a printer's decode,
/// merge and normalize steps, with random gaps (a printer's broker drops messages for a slow
/// reader), so each payload meets many different cached reports. A throw there would end the
/// printer's session.
/// </summary>
public sealed class HostilePipelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AcceptAndNormalize_TenThousandMutatedPayloadsWithGaps_NeverThrow(int seed)
    {
        var fixtures = Directory.GetFiles(PayloadMutator.FixtureDirectory, "*.json").Order(StringComparer.Ordinal).ToArray();
        var mutator = new PayloadMutator(20261125);
        var gaps = new Random(seed);
        var pipeline = new BambuReportPipeline(new BambuInputFaultCounter(NullLogger.Instance, "hostile"));
        var state = new PrinterState { PrinterId = "hostile", Serial = "00M09A350100001", UpdatedAt = DateTimeOffset.UnixEpoch };
        Assert.NotNull(pipeline.Accept(File.ReadAllBytes(fixtures[seed % fixtures.Length]), out _));
        var normalized = 0;

        for (var i = 0; i < 10_000; i++)
        {
            var payload = mutator.Next(i);
            if (gaps.Next(4) == 0)
            {
                continue;
            }

            if (pipeline.Accept(payload, out _) is { } kind && kind != BambuMessageKind.Ignored && pipeline.Cache.HasReport)
            {
                state = pipeline.Normalize(state, false, DateTimeOffset.UnixEpoch.AddSeconds(i));
                normalized++;
            }
        }

        // The barrage is mostly broken input, but the valid part must still come through.
        Assert.InRange(normalized, 1_000, 10_000);
        Assert.Equal("hostile", state.PrinterId);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Printernizer.Simulators.Bambu;

/// <summary>The benchmark's peak load: minimal deltas as fast as asked, each with a new latency stamp.</summary>
internal sealed partial class BambuSimulator
{
    private const int FloodBatch = 64;

    /// <summary>
    /// Pushes deltas at <paramref name="perSecond"/> (read again every batch, so the rate can change
    /// while it runs; 0 pauses, a negative rate means as fast as the broker takes them).
    /// </summary>
    public async Task FloodAsync(Func<double> perSecond, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rate = perSecond();
        long sentAtRate = 0;
        long sequence = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wanted = perSecond();
            if (wanted != rate)
            {
                rate = wanted;
                sentAtRate = 0;
                clock.Restart();
            }

            if (rate == 0 || (rate > 0 && sentAtRate >= clock.Elapsed.TotalSeconds * rate))
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                continue;
            }

            for (var i = 0; i < FloodBatch; i++)
            {
                sequence++;
                await PublishAsync(FloodReport(sequence)).ConfigureAwait(false);
                Interlocked.Increment(ref _reportsSent);
                sentAtRate++;
            }

            await Task.Yield();
        }
    }

    private byte[] FloodReport(long sequence)
    {
        // The nozzle wobbles inside the 0.5 °C deadband, as a printing nozzle does.
        var nozzle = 220 + ((sequence % 3) * 0.1);
        var stamp = LatencyStamp.Now(_options.StampEpoch);
        return Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"print\":{{\"command\":\"push_status\",\"msg\":1,\"sequence_id\":\"{sequence}\",\"layer_num\":{stamp},\"nozzle_temper\":{nozzle},\"wifi_signal\":\"-48dBm\"}}}}"));
    }
}

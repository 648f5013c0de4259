using System.Text.Json.Nodes;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>
/// Progress from the report. Elapsed time and ETA are derived from the clock, so they would
/// differ on every report and make the publisher republish <c>progress</c> each second; they are
/// refreshed only when the printer's own progress values change, and the ETA only when the
/// remaining minutes do (or the job's status changes, e.g. on resume).
/// </summary>
internal static class BambuProgressReader
{
    public static JobProgress Read(JsonObject print, PrintJob job, PrinterState previous, DateTimeOffset now)
    {
        var threeD = BambuJson.Object(print["3D"]);
        var remainingMinutes = BambuJson.Int(print["mc_remaining_time"]);
        var percent = BambuJson.Number(print["mc_percent"]) is { } p ? Math.Clamp(p, 0, 100) : (double?)null;
        var layer = BambuJson.Int(print["layer_num"]) ?? BambuJson.Int(threeD?["layer_num"]);
        var totalLayers = BambuJson.Int(print["total_layer_num"]) ?? BambuJson.Int(threeD?["total_layer_num"]);
        int? remaining = remainingMinutes is >= 0 ? remainingMinutes * 60 : null;

        var before = previous.Progress;
        var sameJob = previous.HasData && previous.Job == job;
        if (sameJob && (before.Percent, before.Layer, before.TotalLayers, before.RemainingSeconds) == (percent, layer, totalLayers, remaining))
        {
            return before;
        }

        var active = job.Status.IsJobActive();
        int? elapsed = active && job.StartedAt is { } start && now >= start ? (int)(now - start).TotalSeconds : null;
        DateTimeOffset? eta = null;
        if (active && remaining is { } r)
        {
            eta = sameJob && before.RemainingSeconds == remaining && before.Eta is { } kept ? kept : now.AddSeconds(r);
        }

        return new JobProgress(percent, layer, totalLayers, remaining, elapsed, eta);
    }
}

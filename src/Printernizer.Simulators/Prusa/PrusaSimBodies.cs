using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Printernizer.Simulators.Prusa;

/// <summary>Response bodies shaped like the captures in <c>shared/fixtures/prusalink</c>, per flavour.</summary>
internal sealed class PrusaSimBodies
{
    // Firmware writes "6.5.3+12780" literally, not as \u002B.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly PrusaSimulatorOptions _options;

    public PrusaSimBodies(PrusaSimulatorOptions options)
    {
        _options = options;
    }

    private bool IsBuddy => _options.Flavour == PrusaFlavour.Buddy;

    public string Version() => (IsBuddy
        ? new JsonObject
        {
            // As Buddy 6.5.3 (pyprusalink test capture): firmware and printer present.
            ["api"] = "2.0.0",
            ["server"] = "2.1.2",
            ["nozzle_diameter"] = 0.40,
            ["text"] = "PrusaLink",
            ["hostname"] = _options.EffectiveHostname,
            ["firmware"] = "6.5.3+12780",
            ["printer"] = "7.1.0",
            ["capabilities"] = new JsonObject { ["upload-by-put"] = true },
        }
        : new JsonObject
        {
            ["api"] = "2.0.0",
            ["server"] = "0.8.1",
            ["original"] = "PrusaLink I3MK3S",
            ["text"] = "PrusaLink 0.8.1",
            ["firmware"] = "3.14.1-8237",
            ["sdk"] = "0.8.0",
            ["capabilities"] = new JsonObject { ["upload-by-put"] = true },
            ["hostname"] = _options.EffectiveHostname,
        }).ToJsonString(JsonOptions);

    public string Info() => (IsBuddy
        ? new JsonObject
        {
            ["nozzle_diameter"] = 0.40,
            ["mmu"] = false,
            ["serial"] = _options.Serial,
            ["hostname"] = _options.EffectiveHostname,
            ["min_extrusion_temp"] = 170,
        }
        : new JsonObject
        {
            ["name"] = "Simulated MK3S",
            ["location"] = "loopback",
            ["farm_mode"] = false,
            ["network_error_chime"] = false,
            ["nozzle_diameter"] = 0.4,
            ["min_extrusion_temp"] = 170,
            ["serial"] = _options.Serial,
            // The Pi reports the Prusa Connect server here, not its own name.
            ["hostname"] = "connect.prusa3d.com",
        }).ToJsonString(JsonOptions);

    public string Status(PrusaSimSnapshot s)
    {
        var hot = s.State is "PRINTING" or "PAUSED";
        var printer = new JsonObject
        {
            ["state"] = s.State,
            ["temp_bed"] = hot ? 60.1 : 21.4,
            ["target_bed"] = hot ? 60.0 : 0.0,
            ["temp_nozzle"] = hot ? 214.8 : 23.0,
            ["target_nozzle"] = hot ? 215.0 : 0.0,
            ["axis_z"] = hot ? 0.2 + (s.Progress / 2) : 89.3,
        };
        if (!s.IsPrinting)
        {
            printer["axis_x"] = 241.0;
            printer["axis_y"] = 170.0;
        }

        printer["flow"] = 100;
        printer["speed"] = 100;
        printer["fan_hotend"] = hot ? 3558 : 0;
        printer["fan_print"] = s.IsPrinting ? 5023 : 0;
        if (!IsBuddy)
        {
            printer["status_connect"] = new JsonObject { ["ok"] = true, ["message"] = "Connect isn't configured" };
            printer["status_printer"] = new JsonObject { ["ok"] = true, ["message"] = "OK" };
        }

        var root = new JsonObject
        {
            ["storage"] = IsBuddy
                ? new JsonObject { ["path"] = "/usb/", ["name"] = "usb", ["read_only"] = false }
                : new JsonArray(
                    new JsonObject { ["path"] = "/local", ["read_only"] = false, ["free_space"] = 27429449728, ["name"] = "PrusaLink gcodes" },
                    new JsonObject { ["path"] = "/sdcard", ["read_only"] = true, ["name"] = "SD Card" }),
            ["printer"] = printer,
        };
        if (JobVisible(s))
        {
            var job = new JsonObject { ["id"] = s.JobId, ["progress"] = s.Progress, ["time_remaining"] = s.RemainingSeconds };
            if (IsBuddy || s.PrintingSeconds > 0)
            {
                // The Pi filters a zero time_printing out of the status.
                job["time_printing"] = s.PrintingSeconds;
            }

            root["job"] = job;
        }

        return root.ToJsonString(JsonOptions);
    }

    /// <summary>Null means 204: Buddy drops the job as soon as it is FINISHED or STOPPED.</summary>
    public string? Job(PrusaSimSnapshot s)
    {
        if (!JobVisible(s))
        {
            return null;
        }

        var shortName = ShortName(s.JobFileName);
        var file = IsBuddy
            ? new JsonObject
            {
                ["refs"] = new JsonObject
                {
                    ["icon"] = $"/thumb/s/usb/{shortName}",
                    ["thumbnail"] = $"/thumb/l/usb/{shortName}",
                    ["download"] = $"/usb/{shortName}",
                },
                ["name"] = shortName,
                ["display_name"] = s.JobFileName,
                ["path"] = "/usb",
                ["size"] = 754535,
                ["m_timestamp"] = 1698686881,
            }
            : new JsonObject
            {
                ["name"] = s.JobFileName,
                ["display_name"] = s.JobFileName,
                ["path"] = $"/PrusaLink gcodes/{s.JobFileName}",
                ["display_path"] = $"/PrusaLink gcodes/{s.JobFileName}",
                ["size"] = 754535,
                ["m_timestamp"] = 1698686881,
                ["refs"] = new JsonObject
                {
                    ["download"] = $"/api/files/local/{s.JobFileName}/raw",
                    ["icon"] = null,
                    ["thumbnail"] = $"/api/thumbnails/{s.JobFileName}.orig.png",
                },
                ["meta"] = new JsonObject { ["filament_type"] = _options.Material, ["estimated_print_time"] = (int)_options.JobDuration.TotalSeconds },
            };
        var root = new JsonObject
        {
            ["id"] = s.JobId,
            // Buddy reports ATTENTION as PAUSED here; the Pi sends its state verbatim.
            ["state"] = IsBuddy && s.State == "ATTENTION" ? "PAUSED" : s.State,
            ["progress"] = s.Progress,
            ["time_remaining"] = s.RemainingSeconds,
            ["time_printing"] = s.PrintingSeconds,
            ["file"] = file,
        };
        if (!IsBuddy)
        {
            root["inaccurate_estimates"] = false;
        }

        return root.ToJsonString(JsonOptions);
    }

    private bool JobVisible(PrusaSimSnapshot s) =>
        s.HasJob && (!IsBuddy || s.State is "PRINTING" or "PAUSED" or "ATTENTION");

    /// <summary>An 8.3 short name as Buddy shows USB files: <c>BENCHY~1.BGC</c>.</summary>
    public static string ShortName(string longName)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(longName).Where(char.IsLetterOrDigit).Take(6).ToArray()).ToUpperInvariant();
        var extension = new string(Path.GetExtension(longName).TrimStart('.').Take(3).ToArray()).ToUpperInvariant();
        return $"{stem}~1.{extension}";
    }
}

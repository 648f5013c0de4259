using System.Text.Json;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Publishing.Payloads;

/// <summary>Turns normalized state into the JSON payloads of SPEC §3.</summary>
internal static class PayloadSerializer
{
    /// <summary>SPEC §3.1. <paramref name="updatedAt"/> is left out when null, so callers can compare content.</summary>
    public static byte[] State(PrinterState state, ControlState control, DateTimeOffset? updatedAt) =>
        JsonPayload.Write(w => WriteState(w, (state, control, updatedAt)));

    public static void WriteState(Utf8JsonWriter w, (PrinterState State, ControlState Control, DateTimeOffset? UpdatedAt) value)
    {
        var (state, control, updatedAt) = value;
        w.WriteStartObject();
        w.WriteString("status", state.Status.ToWire());
        w.Text("stage", state.Stage);
        WriteError(w, "error", state.Error);
        w.WriteStartArray("hms");
        for (var i = 0; i < state.Hms.Count; i++)
        {
            var hms = state.Hms[i];
            w.WriteStartObject();
            w.WriteString("code", hms.Code);
            w.WriteString("severity", hms.Severity);
            w.Text("text", hms.Text);
            w.Text("url", hms.Url);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("control", ControlWire(control));
        w.Text("model", state.Model);
        w.Text("firmware", state.Firmware);
        w.Text("serial", state.Serial);
        WriteFans(w, state.Fans);
        WriteMotion(w, state.Motion);
        WriteLights(w, state.Lights);
        if (updatedAt is not null)
        {
            w.Timestamp("updated_at", updatedAt);
        }

        w.WriteEndObject();
    }

    public static byte[] Temperature(Temperatures temperatures) => JsonPayload.Write(w => WriteTemperature(w, temperatures));

    public static void WriteTemperature(Utf8JsonWriter w, Temperatures temperatures)
    {
        w.WriteStartObject();
        WriteSensor(w, "nozzle", temperatures.Nozzle);
        WriteSensor(w, "bed", temperatures.Bed);
        WriteSensor(w, "chamber", temperatures.Chamber);
        w.WriteEndObject();
    }

    public static byte[] Progress(JobProgress progress) => JsonPayload.Write(w => WriteProgress(w, progress));

    public static void WriteProgress(Utf8JsonWriter w, JobProgress progress)
    {
        w.WriteStartObject();
        w.Number("percent", progress.Percent);
        w.Number("layer", progress.Layer);
        w.Number("total_layers", progress.TotalLayers);
        w.Number("remaining_s", progress.RemainingSeconds);
        w.Number("elapsed_s", progress.ElapsedSeconds);
        w.Timestamp("eta", progress.Eta);
        w.WriteEndObject();
    }

    public static void WriteFilament(Utf8JsonWriter w, FilamentState filament)
    {
        w.WriteStartObject();
        w.WriteStartArray("units");
        for (var u = 0; u < filament.Units.Count; u++)
        {
            var unit = filament.Units[u];
            w.WriteStartObject();
            w.WriteString("id", unit.Id);
            w.Number("humidity", unit.Humidity);
            w.Number("temperature", unit.Temperature);
            w.WriteStartArray("trays");
            for (var t = 0; t < unit.Trays.Count; t++)
            {
                WriteTray(w, unit.Trays[t]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (filament.External is { } external)
        {
            w.WritePropertyName("external");
            WriteTray(w, external);
        }
        else
        {
            w.WriteNull("external");
        }

        w.Text("material", filament.Material);
        w.WriteEndObject();
    }

    public static byte[] Event(PrinterEvent printerEvent) =>
        JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("event_type", printerEvent.Type.ToWire());
            w.WriteString("printer", printerEvent.PrinterId);
            w.Timestamp("at", printerEvent.At);
            w.WritePropertyName("job");
            WriteJob(w, printerEvent.Job);
            WriteError(w, "error", printerEvent.Error);
            w.WriteEndObject();
        });

    public static byte[] CommandResult(string? command, CommandResult result, string? transaction) =>
        JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.Text("command", command);
            w.WriteString("status", result.Ok ? "ok" : "error");
            w.Text("error", result.Error);
            w.Text("transaction", transaction);
            w.WriteEndObject();
        });

    public static string ControlWire(ControlState control) => control switch
    {
        ControlState.ReadOnly => "read_only",
        ControlState.Locked => "locked",
        _ => "available",
    };

    public static void WriteJob(Utf8JsonWriter w, PrintJob job)
    {
        w.WriteStartObject();
        w.Text("name", job.Name);
        w.Text("file", job.File);
        w.Text("id", job.Id);
        w.WriteString("status", job.Status.ToWire());
        w.Timestamp("started_at", job.StartedAt);
        w.Timestamp("finished_at", job.FinishedAt);
        w.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter w, string name, PrinterError? error)
    {
        if (error is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("code", error.Code);
        w.Text("text", error.Text);
        w.WriteEndObject();
    }

    private static void WriteSensor(Utf8JsonWriter w, string name, Temperature? sensor)
    {
        if (sensor is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.Number("current", sensor.Current);
        w.Number("target", sensor.Target);
        w.WriteEndObject();
    }

    private static void WriteTray(Utf8JsonWriter w, FilamentTray tray)
    {
        w.WriteStartObject();
        w.WriteString("id", tray.Id);
        w.Text("type", tray.Type);
        w.Text("color", tray.Color);
        w.Number("remain", tray.Remain);
        w.WriteBoolean("active", tray.Active);
        w.WriteEndObject();
    }

    private static void WriteFans(Utf8JsonWriter w, FanSpeeds fans)
    {
        w.WriteStartObject("fans");
        w.Number("part_percent", fans.PartPercent);
        w.Number("aux_percent", fans.AuxPercent);
        w.Number("chamber_percent", fans.ChamberPercent);
        w.Number("hotend_rpm", fans.HotendRpm);
        w.Number("print_rpm", fans.PrintRpm);
        w.WriteEndObject();
    }

    private static void WriteMotion(Utf8JsonWriter w, MotionSettings motion)
    {
        w.WriteStartObject("speed");
        w.Text("level", motion.SpeedLevel);
        w.Number("percent", motion.SpeedPercent);
        w.Number("flow_percent", motion.FlowPercent);
        w.WriteEndObject();
    }

    private static void WriteLights(Utf8JsonWriter w, LightStates lights)
    {
        w.WriteStartObject("lights");
        w.Flag("chamber", lights.Chamber);
        w.Flag("work", lights.Work);
        w.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Printernizer.Simulators.Bambu;

/// <summary>
/// Builds the printer's messages from the real templates: full reports (<c>msg: 0</c>), deltas
/// with only the fields that changed since the last report (<c>msg: 1</c>, P1S and A1 mini), version replies and command echoes.
/// </summary>
internal sealed class BambuSimReportBuilder
{
    private const long SignatureRequiredBit = 0x20000000;
    private readonly BambuSimulatorOptions _options;
    private readonly JsonObject _template;
    private readonly JsonObject _version;
    private readonly Dictionary<string, string> _lastSent = new(StringComparer.Ordinal);
    private long _sequence;
    private long _reportCount;
    private int _stamp;

    public BambuSimReportBuilder(BambuSimulatorOptions options)
    {
        _options = options;
        var (pushall, version) = options.Profile switch
        {
            BambuSimulatorProfile.X1C => (BambuX1cTemplate.Pushall, BambuX1cTemplate.Version),
            BambuSimulatorProfile.P1S => (BambuP1sTemplate.Pushall, BambuP1sTemplate.Version),
            _ => (BambuA1MiniTemplate.Pushall, BambuA1MiniTemplate.Version),
        };
        _template = (JsonObject)JsonNode.Parse(pushall)!["print"]!;
        _version = (JsonObject)JsonNode.Parse(version)!;
        foreach (var module in _version["info"]!["module"]!.AsArray().OfType<JsonObject>().Where(m => (string?)m["name"] == "ota"))
        {
            module["sn"] = options.Serial;
        }
    }

    public bool SendsDeltas => _options.Profile != BambuSimulatorProfile.X1C;

    public string Full(BambuSimulatedPrinter printer)
    {
        var print = (JsonObject)_template.DeepClone();
        var live = LiveFields(printer);
        foreach (var (key, value) in live)
        {
            print[key] = value?.DeepClone();
        }

        if (_options.Profile == BambuSimulatorProfile.X1C)
        {
            ApplyPackedTemperatures(print, printer);
        }

        Remember(live);
        print["command"] = "push_status";
        print["msg"] = 0;
        print["sequence_id"] = NextSequence();
        return new JsonObject { ["print"] = print }.ToJsonString();
    }

    /// <summary>Only changed fields; an idle printer still sends its Wi-Fi signal, as an A1 mini does every couple of seconds.</summary>
    public string Delta(BambuSimulatedPrinter printer)
    {
        var print = new JsonObject { ["command"] = "push_status", ["msg"] = 1, ["sequence_id"] = NextSequence() };
        var live = LiveFields(printer);
        foreach (var (key, value) in live)
        {
            if (!_lastSent.TryGetValue(key, out var last) || last != value!.ToJsonString())
            {
                print[key] = value?.DeepClone();
            }
        }

        Remember(live);
        print["wifi_signal"] = "-48dBm";
        return new JsonObject { ["print"] = print }.ToJsonString();
    }

    public string Version() => _version.ToJsonString();

    public static string Echo(string sequenceId, string command, bool accepted, bool locked)
    {
        var print = new JsonObject { ["sequence_id"] = sequenceId, ["command"] = command, ["param"] = string.Empty };
        if (locked)
        {
            print["result"] = "failed";
            print["reason"] = "mqtt message verify failed";
            print["err_code"] = 84033543;
        }
        else
        {
            print["result"] = accepted ? "success" : "failed";
            print["reason"] = accepted ? "success" : $"cannot {command} in the current state";
        }

        return new JsonObject { ["print"] = print }.ToJsonString();
    }

    private JsonObject LiveFields(BambuSimulatedPrinter p)
    {
        var fields = new JsonObject
        {
            ["gcode_state"] = p.GcodeState,
            ["stg_cur"] = p.StageCode,
            ["mc_print_stage"] = p.IsBusy ? "2" : "1",
            ["mc_percent"] = p.Percent,
            ["mc_remaining_time"] = p.RemainingMinutes,
            ["layer_num"] = Layer(p),
            ["total_layer_num"] = p.TotalLayers,
            ["gcode_file_prepare_percent"] = p.PreparePercent.ToString(CultureInfo.InvariantCulture),
            ["nozzle_temper"] = p.Nozzle,
            ["nozzle_target_temper"] = p.NozzleTarget,
            ["bed_temper"] = p.Bed,
            ["bed_target_temper"] = p.BedTarget,
            ["subtask_name"] = p.JobName,
            ["gcode_file"] = p.JobFile,
            ["task_id"] = p.TaskId,
            ["subtask_id"] = p.TaskId,
            ["job_id"] = p.TaskId,
            ["gcode_start_time"] = p.StartUnixSeconds.ToString(CultureInfo.InvariantCulture),
            ["print_type"] = p.JobName.Length == 0 ? "idle" : "local",
            ["print_error"] = p.PrintError,
        };
        if (_options.Profile == BambuSimulatorProfile.X1C)
        {
            var fun = Convert.ToInt64((string)_template["fun"]!, 16);
            fields["fun"] = (p.Locked ? fun | SignatureRequiredBit : fun & ~SignatureRequiredBit).ToString("X", CultureInfo.InvariantCulture);
        }

        return fields;
    }

    /// <summary>The real layer, or for the benchmark a latency stamp renewed every <see cref="BambuSimulatorOptions.StampEvery"/> reports.</summary>
    private int Layer(BambuSimulatedPrinter p)
    {
        if (_options.StampEvery <= 0)
        {
            return p.Layer;
        }

        if (_reportCount++ % _options.StampEvery == 0)
        {
            _stamp = LatencyStamp.Now(_options.StampEpoch);
        }

        return _stamp;
    }

    private static void ApplyPackedTemperatures(JsonObject print, BambuSimulatedPrinter p)
    {
        var device = print["device"]!.AsObject();
        device["bed"]!["info"]!["temp"] = Pack(p.Bed, p.BedTarget);
        device["ctc"]!["info"]!["temp"] = Pack(p.Chamber, 0);
        foreach (var extruder in device["extruder"]!["info"]!.AsArray().OfType<JsonObject>())
        {
            extruder["temp"] = Pack(p.Nozzle, p.NozzleTarget);
        }
    }

    private static long Pack(double current, double target) => ((long)Math.Round(target) << 16) | (long)Math.Round(current);

    private void Remember(JsonObject live)
    {
        foreach (var (key, value) in live)
        {
            _lastSent[key] = value!.ToJsonString();
        }
    }

    private string NextSequence() => (++_sequence).ToString(CultureInfo.InvariantCulture);
}

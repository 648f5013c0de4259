using System.Text.Json;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing.Payloads;

namespace Printernizer.Bridge.UnitTests.Publishing;

public sealed class PayloadSerializerTests
{
    private static JsonElement Parse(byte[] payload) => JsonDocument.Parse(payload).RootElement;

    [Fact]
    public void State_EmptyState_EveryKeyPresentWithNulls()
    {
        var json = Parse(PayloadSerializer.State(new PrinterState { PrinterId = "p" }, ControlState.Available, null));

        Assert.Equal("unknown", json.GetProperty("status").GetString());
        foreach (var key in new[] { "stage", "error", "model", "firmware", "serial" })
        {
            Assert.Equal(JsonValueKind.Null, json.GetProperty(key).ValueKind);
        }

        Assert.Equal(0, json.GetProperty("hms").GetArrayLength());
        Assert.False(json.TryGetProperty("updated_at", out _));
    }

    [Fact]
    public void Temperature_MissingSensor_Null()
    {
        var json = Parse(PayloadSerializer.Temperature(new Temperatures(new Temperature(219.6, 220), new Temperature(60.12345, null), null)));

        Assert.Equal(219.6, json.GetProperty("nozzle").GetProperty("current").GetDouble());
        Assert.Equal(60.12, json.GetProperty("bed").GetProperty("current").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("bed").GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("chamber").ValueKind);
    }

    [Fact]
    public void Event_JobFinished_SpecShape()
    {
        var at = new DateTimeOffset(2026, 11, 25, 16, 3, 10, TimeSpan.FromHours(1));
        var job = new PrintJob("benchy", "benchy.gcode.3mf", "12345", PrinterStatus.Finished, at.AddHours(-1), at);

        var json = Parse(PayloadSerializer.Event(new PrinterEvent(PrinterEventType.JobFinished, "x1c", at, job, null)));

        Assert.Equal("job_finished", json.GetProperty("event_type").GetString());
        Assert.Equal("x1c", json.GetProperty("printer").GetString());
        Assert.Equal("2026-11-25T15:03:10+00:00", json.GetProperty("at").GetString());
        Assert.Equal("finished", json.GetProperty("job").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("error").ValueKind);
    }

    [Fact]
    public void State_SameInput_SameBytes()
    {
        var state = new PrinterState { PrinterId = "p", Status = PrinterStatus.Printing, Hms = [new HmsEntry("0300_0100_0001_0007", "common", null, null)] };

        Assert.Equal(PayloadSerializer.State(state, ControlState.Locked, null), PayloadSerializer.State(state with { }, ControlState.Locked, null));
        Assert.Equal("locked", Parse(PayloadSerializer.State(state, ControlState.Locked, null)).GetProperty("control").GetString());
    }
}

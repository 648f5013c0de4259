using Printernizer.Bridge.Domain;
using Printernizer.Bridge.UnitTests.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Domain;

public sealed class PrinterStateContentTests
{
    private static readonly PrinterState Full = BambuFixtures.Normalize("x1c_pushall_finish_multi_ams.json", "x1c_get_version.json") with
    {
        Hms = [new HmsEntry("0300_0100_0001_0007", "serious", "Heatbed", null)],
        Error = new PrinterError("0300_8003", "Canceled"),
    };

    /// <summary>One change per property of <see cref="PrinterState"/> besides <see cref="PrinterState.UpdatedAt"/>.</summary>
    private static readonly Dictionary<string, Func<PrinterState, PrinterState>> Changes = new()
    {
        [nameof(PrinterState.PrinterId)] = s => s with { PrinterId = "other" },
        [nameof(PrinterState.Online)] = s => s with { Online = !s.Online },
        [nameof(PrinterState.HasData)] = s => s with { HasData = !s.HasData },
        [nameof(PrinterState.Status)] = s => s with { Status = s.Status == PrinterStatus.Paused ? PrinterStatus.Printing : PrinterStatus.Paused },
        [nameof(PrinterState.Stage)] = s => s with { Stage = s.Stage + "x" },
        [nameof(PrinterState.Error)] = s => s with { Error = s.Error! with { Text = "other" } },
        [nameof(PrinterState.Hms)] = s => s with { Hms = [s.Hms[0] with { Severity = "fatal" }] },
        [nameof(PrinterState.Control)] = s => s with { Control = s.Control == ControlState.Locked ? ControlState.Available : ControlState.Locked },
        [nameof(PrinterState.Model)] = s => s with { Model = s.Model + "x" },
        [nameof(PrinterState.Firmware)] = s => s with { Firmware = s.Firmware + "x" },
        [nameof(PrinterState.Serial)] = s => s with { Serial = s.Serial + "x" },
        [nameof(PrinterState.Temperatures)] = s => s with { Temperatures = s.Temperatures with { Nozzle = null } },
        [nameof(PrinterState.Progress)] = s => s with { Progress = s.Progress with { Layer = (s.Progress.Layer ?? 0) + 1 } },
        [nameof(PrinterState.Job)] = s => s with { Job = s.Job with { Name = s.Job.Name + "x" } },
        [nameof(PrinterState.Filament)] = s => s with { Filament = s.Filament with { Material = s.Filament.Material + "x" } },
        [nameof(PrinterState.Fans)] = s => s with { Fans = s.Fans with { PartPercent = (s.Fans.PartPercent ?? 0) + 1 } },
        [nameof(PrinterState.Motion)] = s => s with { Motion = s.Motion with { SpeedPercent = (s.Motion.SpeedPercent ?? 0) + 1 } },
        [nameof(PrinterState.Lights)] = s => s with { Lights = s.Lights with { Chamber = !(s.Lights.Chamber ?? false) } },
        [nameof(PrinterState.Capabilities)] = s => s with { Capabilities = s.Capabilities with { Filament = !s.Capabilities.Filament } },
    };

    public static TheoryData<string> Properties() => [.. Changes.Keys];

    [Fact]
    public void Changes_EveryPropertyButUpdatedAt_HasAChange()
    {
        var properties = typeof(PrinterState).GetProperties().Select(p => p.Name).Where(n => n != nameof(PrinterState.UpdatedAt) && n != "EqualityContract");

        Assert.Equal(properties.Order(StringComparer.Ordinal), Changes.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void SameExceptUpdatedAt_OnePropertyChanged_False(string property)
    {
        var changed = Changes[property](Full);

        Assert.NotEqual(Full, changed);
        Assert.False(PrinterStateContent.SameExceptUpdatedAt(Full, changed));
        Assert.False(PrinterStateContent.SameExceptUpdatedAt(changed, Full));
    }

    [Fact]
    public void SameExceptUpdatedAt_EqualContentInNewListsAndAnotherTime_True()
    {
        var copy = Full with
        {
            UpdatedAt = Full.UpdatedAt.AddSeconds(5),
            Hms = [.. Full.Hms],
            Filament = Full.Filament with { Units = [.. Full.Filament.Units.Select(u => u with { Trays = [.. u.Trays.Select(t => t with { })] })] },
        };

        Assert.NotSame(Full.Filament.Units[0].Trays, copy.Filament.Units[0].Trays);
        Assert.True(PrinterStateContent.SameExceptUpdatedAt(Full, copy));
    }

    [Fact]
    public void SameExceptUpdatedAt_OneTrayDiffers_False()
    {
        var units = Full.Filament.Units.ToArray();
        units[^1] = units[^1] with { Trays = [.. units[^1].Trays.Select((t, i) => i == 0 ? t with { Remain = (t.Remain ?? 0) + 1 } : t)] };

        Assert.False(PrinterStateContent.SameExceptUpdatedAt(Full, Full with { Filament = Full.Filament with { Units = units } }));
    }

    [Fact]
    public void SameExceptUpdatedAt_UnitHumidityDiffers_False()
    {
        var units = Full.Filament.Units.ToArray();
        units[0] = units[0] with { Humidity = (units[0].Humidity ?? 0) + 1 };

        Assert.False(PrinterStateContent.SameExceptUpdatedAt(Full, Full with { Filament = Full.Filament with { Units = units } }));
    }
}

using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

/// <summary>What each v1 capture must read as.</summary>
internal static class PrusaV1FixtureExpectations
{
    public static Dictionary<string, Action<string>> All { get; } = new()
    {
        ["buddy-mk39_api-v1-status_idle.json"] = body =>
        {
            var s = PrusaStatusReader.Read(body);
            Assert.Equal(("IDLE", 22.0, 0.0, 20.2, 0.0), (s.State, s.TempNozzle, s.TargetNozzle, s.TempBed, s.TargetBed));
            Assert.Equal((100, 100, 0, 0), (s.Flow, s.Speed, s.FanHotend, s.FanPrint));
            Assert.Null(s.Job);
            Assert.Equal(new PrusaStorage("usb", "/usb/", null, false, null, null), Assert.Single(s.Storage));
        },
        ["buddy_api-v1-status_printing.json"] = body =>
        {
            var s = PrusaStatusReader.Read(body);
            Assert.Equal(("PRINTING", 225.0, 225.0, 60.0, 60.0), (s.State, s.TempNozzle, s.TargetNozzle, s.TempBed, s.TargetBed));
            Assert.Equal((3558, 5023), (s.FanHotend, s.FanPrint));
            Assert.Equal(new PrusaStatusJob(14, 67, 3960, 8546), s.Job);
        },
        ["ha-fixture_api-v1-status_idle.json"] = body =>
        {
            var s = PrusaStatusReader.Read(body);
            Assert.Equal(("IDLE", 47.8, 210.1, 41.9, 60.5), (s.State, s.TempNozzle, s.TargetNozzle, s.TempBed, s.TargetBed));
            Assert.Equal((100, 75, 1.8), (s.FanHotend, s.FanPrint, s.AxisZ));
        },
        ["ha-fixture_api-v1-status_printing.json"] = body =>
        {
            var s = PrusaStatusReader.Read(body);
            Assert.Equal(new PrusaStatusJob(129, 37.0, 73020, 43987), s.Job);
            Assert.Equal((6.0, 0.0, 53.9, 85.0), (s.TempNozzle, s.TargetNozzle, s.TempBed, s.TargetBed));
        },
        ["link-mk3s_api-v1-status_printing.json"] = body =>
        {
            var s = PrusaStatusReader.Read(body);
            Assert.Equal(("PRINTING", 95, 4080), (s.State, s.Flow, s.FanHotend));
            Assert.Equal(new PrusaStatusJob(113, 0.0, 26040, null), s.Job);
            Assert.Equal(2, s.Storage.Count);
            Assert.Equal(("/local", 27429449728L), (s.Storage[0].Path, s.Storage[0].FreeSpace!.Value));
            Assert.Equal(("/sdcard", true), (s.Storage[1].Path, s.Storage[1].ReadOnly!.Value));
        },
        ["spec-example_api-v1-status.json"] = body =>
        {
            var s = PrusaStatusReader.Read(body);
            Assert.Equal("IDLE", s.State);
            Assert.Equal(new PrusaStatusJob(420, 42, 520, 526), s.Job);
            Assert.Equal(new PrusaTransferStatus(72855542, 65.82, 123084800, 30, null, null), s.Transfer);
            Assert.Equal(("LOCAL", 4202335L), (Assert.Single(s.Storage).Name, s.Storage[0].FreeSpace!.Value));
        },
        ["buddy-xl_api-v1-job_printing.json"] = body =>
        {
            var j = PrusaJobReader.Read(body);
            Assert.Equal((109, "PRINTING", 0.0, 20100, 227), (j.Id!.Value, j.State, j.Progress!.Value, j.TimeRemaining!.Value, j.TimePrinting!.Value));
            Assert.Equal("/usb/MULTIP~1.BGC", j.FilePath);
            Assert.Equal("multiple_grots_0.4n_0.15mm_PLA,PLA,PLA,PLA_XLIS_5h36m.bgcode", j.DisplayName);
            Assert.Equal(10262918L, j.Size);
        },
        ["ha-fixture_api-v1-job_printing.json"] = body =>
        {
            var j = PrusaJobReader.Read(body);
            Assert.Equal((129, 37.0, "TabletStand3.bgcode", "/usb/TabletStand3~4.BGC"), (j.Id!.Value, j.Progress!.Value, j.DisplayName, j.FilePath));
        },
        ["link-mk3s_api-v1-job_printing.json"] = body =>
        {
            var j = PrusaJobReader.Read(body);
            Assert.Equal((113, 26040, 0), (j.Id!.Value, j.TimeRemaining!.Value, j.TimePrinting!.Value));
            Assert.Equal("/SD Card/fosdem_0.2mm_PLA,PLA_MK3SMMU3_7h16m.gcode", j.FilePath);
            Assert.Equal("fosdem_0.2mm_PLA,PLA_MK3SMMU3_7h16m.gcode", j.DisplayName);
            Assert.Equal("PLA", j.FilamentType);
        },
        ["spec-example_api-v1-job.json"] = body =>
        {
            var j = PrusaJobReader.Read(body);
            Assert.Equal(new PrusaJob(420, "PRINTING", 42, 520, 526, null, null, null, null, null), j);
        },
        ["buddy-mk39_api-version.json"] = body =>
        {
            var v = PrusaIdentityReader.ReadVersion(body);
            Assert.Equal((PrusaServerKind.Buddy, "2.0.0", "prusa-mk39", (string?)null), (v.Kind, v.Api, v.Hostname, v.Firmware));
            Assert.True(v.UploadByPut);
            Assert.Equal("MK3.9", PrusaModelResolver.Resolve(null, v, null));
        },
        ["ha-fixture_api-version_xl.json"] = body =>
        {
            var v = PrusaIdentityReader.ReadVersion(body);
            Assert.Equal((PrusaServerKind.Buddy, "PrusaXL", false), (v.Kind, v.Hostname, v.UploadByPut));
            Assert.Equal("XL", PrusaModelResolver.Resolve(null, v, null));
        },
        ["link-mk3s_api-version.json"] = body =>
        {
            var v = PrusaIdentityReader.ReadVersion(body);
            Assert.Equal((PrusaServerKind.Pi, "0.9.0-legacy", "3.13.1-6876", "PrusaLink I3MK3S"), (v.Kind, v.Api, v.Firmware, v.Original));
            Assert.Equal("MK3S", PrusaModelResolver.Resolve(null, v, null));
        },
        ["pyprusalink-test_api-version_coreone-6.5.3.json"] = body =>
        {
            var v = PrusaIdentityReader.ReadVersion(body);
            Assert.Equal((PrusaServerKind.Buddy, "6.5.3+12780"), (v.Kind, v.Firmware));
            Assert.Equal("Core One", PrusaModelResolver.Resolve(null, v, null));
        },
        ["spec-example_api-version.json"] = body =>
        {
            var v = PrusaIdentityReader.ReadVersion(body);
            Assert.Equal((PrusaServerKind.Pi, "1.0.0", "3.10.1-4697", false), (v.Kind, v.Api, v.Firmware, v.UploadByPut));
            Assert.Null(PrusaModelResolver.Resolve(null, v, null));
        },
        ["buddy-mk39_api-v1-info.json"] = body =>
            Assert.Equal(new PrusaPrinterInfo("10859-3472414637128135", "prusa-mk39", null, null, 0.40, 170, false), PrusaIdentityReader.ReadInfo(body)),
        ["ha-fixture_api-v1-info_xl.json"] = body =>
            Assert.Equal(new PrusaPrinterInfo("serial-1337", "PrusaXL", null, null, 0.40, 170, false), PrusaIdentityReader.ReadInfo(body)),
        ["link-mk3s_api-v1-info.json"] = body =>
            Assert.Equal(
                new PrusaPrinterInfo("CZPX5222X004XK04220", "connect.prusa3d.com", "MK3S with MMU3", "Elf on a shelf", 0.4, 170, null),
                PrusaIdentityReader.ReadInfo(body)),
        ["spec-example_api-v1-info.json"] = body =>
            Assert.Equal(new PrusaPrinterInfo("CZPX4720X004XC34242", "prusa-mk3.lan", "MuadDib", "Arrakis", 0.4, 170, false), PrusaIdentityReader.ReadInfo(body)),
        ["buddy_api-v1-storage.json"] = body =>
            Assert.Equal(new PrusaStorage("usb", "/usb/", "USB", false, true, null), Assert.Single(PrusaStatusReader.ReadStorageList(body))),
        ["link-mk3s_api-v1-storage.json"] = body =>
        {
            var list = PrusaStatusReader.ReadStorageList(body);
            Assert.Equal(new PrusaStorage("PrusaLink gcodes", "/local", "LOCAL", false, true, 27429449728), list[0]);
            Assert.Equal(new PrusaStorage("SD Card", "/sdcard", "SDCARD", true, true, null), list[1]);
        },
        ["spec-example_api-v1-storage.json"] = body =>
            Assert.Equal(new PrusaStorage("PrusaLink gcodes", "/local", "LOCAL", false, true, 1921681142), Assert.Single(PrusaStatusReader.ReadStorageList(body))),
        ["pyprusalink-test_api-v1-transfer.json"] = body =>
            Assert.Equal(new PrusaTransferStatus(7, 42.25, 1011000, 42, "model.gcode", 2393142), PrusaStatusReader.ReadTransferBody(body)),
        ["link-mk3s_api-v1-cameras_empty.json"] = body => Assert.Empty(PrusaCameraReader.ReadCameraIds(body)),
        ["spec-example_api-v1-files-file.json"] = body =>
        {
            var file = PrusaFileListReader.ReadV1File(body);
            Assert.Equal(("SPICE~1.gco", "Spice_Harvester_0.3mm_PLA_MK3S_12m.gcode", 424242L, false), (file.Name, file.DisplayName, file.Size!.Value, file.IsFolder));
            Assert.Equal("/api/files/local/file.txt/raw", file.Download);
        },
        ["buddy_error-401_accept-json.json"] = body =>
        {
            Assert.Equal("401: Unauthorized", PrusaErrorReader.ReadTitle(body));
            Assert.Null(PrusaErrorReader.ReadMessage(body));
        },
    };
}

using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

/// <summary>What each legacy (OctoPrint-style) capture must read as.</summary>
internal static class PrusaLegacyFixtureExpectations
{
    public static Dictionary<string, Action<string>> All { get; } = new()
    {
        ["buddy_api-printer_legacy_idle.json"] = body =>
            Assert.Equal(new PrusaLegacyPrinter("Operational", null, 22.0, 20.1, "FLEX"), PrusaLegacyReader.ReadPrinter(body)),
        ["link-mk3s_api-printer_legacy_idle.json"] = body =>
            Assert.Equal(new PrusaLegacyPrinter("Operational", "IDLE", 22.2, 23.3, null), PrusaLegacyReader.ReadPrinter(body)),
        ["link-mk3s_api-printer_legacy_printing.json"] = body =>
            Assert.Equal(new PrusaLegacyPrinter("Printing", "PRINTING", 214.6, 61.7, null), PrusaLegacyReader.ReadPrinter(body)),
        ["buddy-mk4_api-job_legacy_printing.json"] = body =>
            Assert.Equal(
                new PrusaLegacyJob("Printing", 24, 6840, 2455, 9295, "HatPlate_0.4n_0.3mm_PLA_MK4_2h32m.gcode", "/usb/HATPLA~1.GCO"),
                PrusaLegacyReader.ReadJob(body)),
        ["buddy-xl_api-job_legacy_printing.json"] = body =>
            Assert.Equal(
                new PrusaLegacyJob("Printing", 0, 20100, 254, 20354, "multiple_grots_0.4n_0.15mm_PLA,PLA,PLA,PLA_XLIS_5h36m.bgcode", "/usb/MULTIP~1.BGC"),
                PrusaLegacyReader.ReadJob(body)),
        ["link-mk3s_api-job_legacy_printing.json"] = body =>
            Assert.Equal(
                new PrusaLegacyJob("Printing", 0, 26160, 0, 26160, "fosdem_0.2mm_PLA,PLA_MK3SMMU3_7h16m.gcode", "/SD Card/fosdem_0.2mm_PLA,PLA_MK3SMMU3_7h16m.gcode"),
                PrusaLegacyReader.ReadJob(body)),
        ["buddy-mk4_api-files_legacy.json"] = body =>
        {
            var usb = Assert.Single(PrusaFileListReader.Read(body));
            Assert.Equal(("USB", true, "usb"), (usb.Name, usb.IsFolder, usb.Origin));
            Assert.Equal(2, usb.Children.Count);
            Assert.Equal("xlcd-cover-R2_0.4n_0.2mm_PETG_MK4IS_1h2m.bgcode", usb.Children[0].DisplayName);
            // Buddy listings write "usb/…"; the reader makes it absolute.
            Assert.Equal("/usb/XLCD-C~1.BGC", usb.Children[0].Download);
        },
        ["link-mk3s_api-files_legacy.json"] = body =>
        {
            var roots = PrusaFileListReader.Read(body);
            Assert.Equal(["PrusaLink gcodes", "SD Card"], roots.Select(r => r.Name));
            Assert.Empty(roots[0].Children);
            var mk39 = roots[1].Children[0];
            Assert.Equal(("Mk39", true, 7), (mk39.Name, mk39.IsFolder, mk39.Children.Count));
            var first = mk39.Children[0];
            Assert.Equal(("XZ-axis-ORG-BLK_0.2mm_PETG_MK3S_14h18m.gcode", 24173216L, "PETG"), (first.Name, first.Size!.Value, first.Material));
            Assert.Null(first.Download);
        },
    };
}

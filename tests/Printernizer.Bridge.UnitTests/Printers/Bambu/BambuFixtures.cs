using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

/// <summary>
/// The real captures in <c>shared/fixtures/bambu</c>, found beside the repository: walk up from the
/// test binaries to the folder holding <c>Printernizer.Bridge.sln</c>, then <c>../shared/fixtures</c>.
/// </summary>
internal static class BambuFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    public static string Directory { get; } = Locate();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static JsonObject Load(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(PathOf(name)))!;

    public static BambuReportCache NewCache(BambuInputFaultCounter? faults = null, BambuCacheShape? shape = null) =>
        new(new BambuReportSanitizer(faults ?? NewFaults()), shape);

    public static BambuInputFaultCounter NewFaults() => new(NullLogger.Instance, "test");

    /// <summary>Feeds the fixtures through the cache as the adapter does and normalizes the result.</summary>
    public static PrinterState Normalize(string report, string? version = null, PrinterState? previous = null)
    {
        var cache = NewCache();
        if (version is not null)
        {
            cache.Apply(Load(version), out _);
        }

        cache.Apply(Load(report), out _);
        return BambuReportNormalizer.Normalize(cache.Print, cache.Version, previous ?? Empty(), lockedByReply: false, Now);
    }

    public static PrinterState Empty() => new() { PrinterId = "test", UpdatedAt = Now };

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                var fixtures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", "bambu"));
                if (System.IO.Directory.Exists(fixtures))
                {
                    return fixtures;
                }

                throw new DirectoryNotFoundException($"no fixtures at {fixtures}: shared/ must sit beside the repository");
            }
        }

        throw new DirectoryNotFoundException("Printernizer.Bridge.sln not found above " + AppContext.BaseDirectory);
    }
}

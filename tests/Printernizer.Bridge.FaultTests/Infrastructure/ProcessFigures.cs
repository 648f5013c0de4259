using System.Globalization;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>Resident memory and open handles of a process, read from /proc.</summary>
internal sealed record ProcessFigures(long RssKiB, int Handles, int Threads)
{
    public static ProcessFigures Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(
            status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture);
        return new ProcessFigures(Field("VmRSS"), Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length, (int)Field("Threads"));
    }

    public override string ToString() => $"RSS {RssKiB / 1024.0:0.0} MiB, {Handles} handles, {Threads} threads";
}

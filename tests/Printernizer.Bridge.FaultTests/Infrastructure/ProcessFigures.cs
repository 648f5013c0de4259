using System.Globalization;

namespace Printernizer.Bridge.FaultTests.Infrastructure;

/// <summary>
/// Resident memory and open handles of a process, read from /proc. <see cref="PrivateKiB"/> is the
/// anonymous part of RSS (heap, stacks, JIT code): RSS also counts file-backed pages of the
/// shared .NET runtime and framework images, which page in as code paths are first used.
/// </summary>
internal sealed record ProcessFigures(long RssKiB, long PrivateKiB, int Handles, int Threads)
{
    public static ProcessFigures Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(
            status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim().Split(' ')[0],
            CultureInfo.InvariantCulture);
        return new ProcessFigures(Field("VmRSS"), Field("RssAnon"), Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length, (int)Field("Threads"));
    }

    /// <summary>The per-field median of samples: a single reading lands anywhere in a GC cycle.</summary>
    public static ProcessFigures Median(IReadOnlyCollection<ProcessFigures> samples)
    {
        static T Middle<T>(IEnumerable<T> values) => values.Order().ElementAt((values.Count() - 1) / 2);
        return new ProcessFigures(
            Middle(samples.Select(s => s.RssKiB)), Middle(samples.Select(s => s.PrivateKiB)),
            Middle(samples.Select(s => s.Handles)), Middle(samples.Select(s => s.Threads)));
    }

    public override string ToString() =>
        $"RSS {RssKiB / 1024.0:0.0} MiB (private {PrivateKiB / 1024.0:0.0} MiB), {Handles} handles, {Threads} threads";
}

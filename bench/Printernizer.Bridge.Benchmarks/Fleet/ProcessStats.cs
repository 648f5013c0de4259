using System.Globalization;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>CPU time and memory of a process from <c>/proc</c> (Linux).</summary>
internal static class ProcessStats
{
    // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
    private const double ClockTicksPerSecond = 100;

    /// <summary>User plus system CPU seconds so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name may contain spaces; fields after it are space separated, utime and stime are 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    /// <summary>(VmRSS, VmHWM) in MiB.</summary>
    public static (double Rss, double Peak) Memory(int pid)
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line) / 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line) / 1024;
            }
        }

        return (rss, peak);
    }

    private static double Kib(string line) =>
        double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

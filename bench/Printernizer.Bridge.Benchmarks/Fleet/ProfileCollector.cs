using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Printernizer.Bridge.Benchmarks.Fleet;

/// <summary>
/// A CPU sample profile of the bridge with dotnet-trace (a local tool of this repository:
/// <c>dotnet tool restore</c>), summarized as its top methods by exclusive time.
/// </summary>
internal static class ProfileCollector
{
    public static async Task<string?> CollectAsync(int pid, int seconds, string repositoryRoot)
    {
        var trace = Path.Combine(Path.GetTempPath(), $"printernizer-peak-{pid}.nettrace");
        var collect = await RunAsync(repositoryRoot, [
            "tool", "run", "dotnet-trace", "--", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture),
            "--profile", "dotnet-sampled-thread-time", "--duration", TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture), "-o", trace]).ConfigureAwait(false);
        if (collect.ExitCode != 0 || !File.Exists(trace))
        {
            return $"dotnet-trace collect failed (run `dotnet tool restore`): {collect.Output.Trim()}";
        }

        var report = await RunAsync(repositoryRoot, ["tool", "run", "dotnet-trace", "--", "report", trace, "topN", "-n", "40", "--inclusive"]).ConfigureAwait(false);
        File.Delete(trace);
        return report.Output;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        output.Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false));
        return (process.ExitCode, output.ToString());
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Printernizer.Bridge.TestSupport;

/// <summary>
/// Runs the shared <c>validate_discovery.py</c> (python3, stdlib only) over captured messages.
/// The script lives in <c>shared/tools/</c> beside the repository: CI clones the repository
/// next to a copy of <c>shared/</c>.
/// </summary>
internal static class DiscoveryValidator
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Validates with <c>--strict</c>, so warnings fail too.</summary>
    public static async Task<ValidatorReport> RunAsync(IEnumerable<ValidatorMessage> messages, string discoveryPrefix = "homeassistant")
    {
        var input = Path.Combine(Path.GetTempPath(), $"printernizer-discovery-{Guid.NewGuid():N}.jsonl");
        try
        {
            await File.WriteAllLinesAsync(input, messages.Select(ToJsonLine), new UTF8Encoding(false));
            return await RunScriptAsync(input, discoveryPrefix);
        }
        finally
        {
            File.Delete(input);
        }
    }

    public static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Printernizer.Bridge.sln")))
            {
                var script = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "tools", "validate_discovery.py"));
                return File.Exists(script)
                    ? script
                    : throw new FileNotFoundException($"validate_discovery.py is not beside the repository at {dir.FullName}", script);
            }
        }

        throw new DirectoryNotFoundException($"No Printernizer.Bridge.sln above {AppContext.BaseDirectory}");
    }

    private static string ToJsonLine(ValidatorMessage message) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["topic"] = message.Topic,
        ["payload"] = message.Payload,
        ["retain"] = message.Retain,
        ["qos"] = message.Qos,
    });

    private static async Task<ValidatorReport> RunScriptAsync(string input, string discoveryPrefix)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { ScriptPath(), input, "--strict", "--prefix", discoveryPrefix })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"validate_discovery.py did not finish within {ProcessTimeout}");
        }

        // stderr first, so that the summary stays the last line.
        return new ValidatorReport(process.ExitCode, await stderr + await stdout);
    }
}

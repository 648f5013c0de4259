using System.Text.RegularExpressions;
using Printernizer.Bridge.IntegrationTests.Infrastructure;

namespace Printernizer.Bridge.FaultTests;

/// <summary>Scenario 9: a corpus of broken configuration files, each started as a real process.</summary>
public sealed partial class BadConfigTests
{
    /// <summary>File → the key paths of the problems it must report, one line each.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["01-yaml-tab-indent.yaml"] = ["YAML syntax error"],
        ["02-yaml-unclosed-quote.yaml"] = ["YAML syntax error"],
        ["03-yaml-bad-indent.yaml"] = ["YAML syntax error"],
        ["04-yaml-unclosed-flow.yaml"] = ["YAML syntax error"],
        ["05-root-is-list.yaml"] = ["expected a mapping"],
        ["06-unknown-top-key.yaml"] = ["printerz: unknown key"],
        ["07-unknown-mqtt-key.yaml"] = ["mqtt.colour: unknown key"],
        ["08-port-not-number.yaml"] = ["printers[0].port:"],
        ["09-port-out-of-range.yaml"] = ["printers[0].port:"],
        ["10-duplicate-ids.yaml"] = ["printers[1].id: duplicate printer id 'mk4'"],
        ["11-bad-id.yaml"] = ["printers[0].id: must match"],
        ["12-reserved-id.yaml"] = ["printers[0].id: 'bridge' is reserved"],
        ["13-unknown-type.yaml"] = ["printers[0].type: unknown printer type"],
        ["14-missing-host.yaml"] = ["printers[0].host: missing required key"],
        ["15-bambu-missing-serial-and-code.yaml"] = ["printers[0].serial: missing", "printers[0].access_code: missing"],
        ["16-prusa-no-credentials.yaml"] = ["printers[0].password: exactly one of"],
        ["17-missing-env-var.yaml"] = ["printers[0].access_code: environment variable PRINTERNIZER_FAULT_UNSET_VARIABLE is not set"],
        ["18-bad-mqtt-scheme.yaml"] = ["mqtt.url: unsupported scheme"],
        ["19-credentials-in-url.yaml"] = ["mqtt.url: user name and password do not belong in the URL"],
        ["20-bad-duration.yaml"] = ["printers[0].poll_active: expected a duration"],
        ["21-bool-wrong-type.yaml"] = ["control: expected true or false", "mqtt.discovery: expected true or false"],
        ["22-printers-not-a-list.yaml"] = ["printers: expected a list"],
        // The missing file is the problem; the "password required" that follows from it is reported too.
        ["23-missing-secret-file.yaml"] = ["printers[0].password: secret file /nonexistent/printernizer/secret does not exist", "printers[0].password: exactly one of"],
        ["24-bad-host.yaml"] = ["printers[0].host: expected a host name"],
        ["25-log-level-wrong.yaml"] = ["log_level: expected one of"],
        ["26-port-in-mqtt-url-bad.yaml"] = ["mqtt.url: the port must be"],
    };

    private static readonly string[] Secrets = ["secret-config-pw", "secret-url-pw"];

    private readonly ITestOutputHelper _output;

    public BadConfigTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string> Files() => new(Expected.Keys);

    [Fact]
    public void Corpus_AtLeastTwentyFiles_EveryFileHasExpectations()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Configs"), "*.yaml").Select(Path.GetFileName).ToArray();

        Assert.True(files.Length >= 20, $"{files.Length} files");
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal)!);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Start_BrokenConfig_ExitCode2OneLinePerProblemNoStackTrace(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Configs", file);

        var (code, output) = await BridgeProcess.RunAsync("--config", path);

        _output.WriteLine(output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problems = lines.Where(l => l.StartsWith(path + ":", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, code);
        Assert.Equal(Expected[file].Length, problems.Length);
        Assert.All(problems, p => Assert.Matches(ProblemLine(), p[path.Length..]));
        for (var i = 0; i < problems.Length; i++)
        {
            Assert.Contains(Expected[file][i], problems[i]);
        }

        // Nothing else but the problems and the one summary line.
        Assert.Equal(problems.Length + 1, lines.Length);
        Assert.EndsWith("nothing was started.", lines[^1]);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
        Assert.All(Secrets, s => Assert.DoesNotContain(s, output));
    }

    [GeneratedRegex(@"^:\d+: \S")]
    private static partial Regex ProblemLine();
}

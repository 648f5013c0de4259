using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Configuration;

public sealed class MultipleProblemsTests
{
    [Fact]
    public void Parse_FiveDifferentMistakes_ReportsExactlyFiveInLineOrder()
    {
        var result = Parse("""
            mqtt:
              url: mqtt://broker:1883
              base_topc: printernizer
            printers:
              - id: x1c
                type: bambu_lab
                host: 192.168.1.50
                serial: 00M00A000000000
                access_code: ${X1C_ACCESS_CODE}
              - id: mk4
                type: prusa
                host: 192.168.1.60
                port: 99999
              - id: x1c
                type: prusa
                host: 192.168.1.61
            control: sometimes
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "config.yaml:3: mqtt.base_topc: unknown key; did you mean 'base_topic'?",
                "config.yaml:9: printers[0].access_code: environment variable X1C_ACCESS_CODE is not set",
                "config.yaml:13: printers[1].port: expected an integer from 1 to 65535",
                "config.yaml:14: printers[2].id: duplicate printer id 'x1c' (first used at line 5)",
                "config.yaml:17: control: expected true or false",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_ProblemsFoundOutOfOrder_AreSortedByLine()
    {
        var result = Parse("""
            control: maybe
            mqtt:
              url: ftp://x
            log_level: loud
            """);

        Assert.Equal([1, 3, 4], result.Problems.Select(p => p.Line));
    }
}

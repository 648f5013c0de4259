using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Printernizer.Bridge.Observability;
using Serilog;
using Serilog.Core;
using static Printernizer.Bridge.UnitTests.Configuration.ConfigTestParsing;

namespace Printernizer.Bridge.UnitTests.Observability;

/// <summary>The production logging pipeline built from configuration text, writing into memory.</summary>
public sealed class BridgeLoggingTests
{
    private const string Bambu = "Printernizer.Bridge.Printers.Bambu.BambuConnectionLoop";
    private const string Publisher = "Printernizer.Bridge.Publishing.BridgePublisher";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly StringWriter _output = new();

    private string[] Lines => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Create_JsonFormat_WritesOneCompactJsonObjectPerEvent()
    {
        using (var logger = Create("log_format: json\n"))
        {
            logger.ForContext(Constants.SourceContextPropertyName, Bambu).ForContext("printer", "x1c")
                .Warning("Printer {PrinterId}: session ended: {Reason}", "x1c", "line1\nline2");
            logger.ForContext(Constants.SourceContextPropertyName, Publisher).Information("Published {Count} messages", 3);
        }

        Assert.Equal(2, Lines.Length);
        var warning = JsonDocument.Parse(Lines[0]).RootElement;
        Assert.Equal("Warning", warning.GetProperty("@l").GetString());
        Assert.Equal("Printer \"x1c\": session ended: \"line1\nline2\"", warning.GetProperty("@m").GetString());
        Assert.Equal("x1c", warning.GetProperty("printer").GetString());
        Assert.Equal(Bambu, warning.GetProperty("SourceContext").GetString());
        Assert.True(DateTimeOffset.TryParse(warning.GetProperty("@t").GetString(), out _));
        var info = JsonDocument.Parse(Lines[1]).RootElement;
        Assert.Equal(3, info.GetProperty("Count").GetInt32());
        Assert.False(info.TryGetProperty("printer", out _));
    }

    [Fact]
    public void Create_PrinterIdOnlyInTheMessage_IsCopiedToThePrinterProperty()
    {
        using (var logger = Create("log_format: json\n"))
        {
            logger.Error("Printer {PrinterId}: command {Command} failed", "mk4", "cancel");
        }

        Assert.Equal("mk4", JsonDocument.Parse(Assert.Single(Lines)).RootElement.GetProperty("printer").GetString());
    }

    [Fact]
    public void Create_HumanFormat_PrefixesPrinterLinesThatDoNotNameThePrinter()
    {
        using (var logger = Create("log_format: human\n"))
        {
            logger.ForContext(Constants.SourceContextPropertyName, "Printernizer.Bridge.Printers.Prusa.PrusaPrinterAdapter").ForContext("printer", "mk4")
                .Warning("Prusa printer unreachable ({Reason})", "timeout");
            logger.ForContext(Constants.SourceContextPropertyName, Publisher).Information("Nothing about printers");
        }

        Assert.EndsWith("[WRN] Printernizer.Bridge.Printers.Prusa.PrusaPrinterAdapter: [mk4] Prusa printer unreachable (timeout)", Lines[0], StringComparison.Ordinal);
        Assert.EndsWith("[INF] Printernizer.Bridge.Publishing.BridgePublisher: Nothing about printers", Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PerComponentLevels_OverrideTheDefaultForThatNamespaceOnly()
    {
        using (var logger = Create("log_level:\n  default: warning\n  Printers.Bambu: debug\n"))
        {
            logger.ForContext(Constants.SourceContextPropertyName, Bambu).Debug("bambu debug");
            logger.ForContext(Constants.SourceContextPropertyName, "Printernizer.Bridge.Printers.BambuLike").Debug("not a child namespace");
            logger.ForContext(Constants.SourceContextPropertyName, Publisher).Information("publisher info");
            logger.ForContext(Constants.SourceContextPropertyName, Publisher).Warning("publisher warning");
        }

        Assert.Equal(2, Lines.Length);
        Assert.Contains("bambu debug", Lines[0], StringComparison.Ordinal);
        Assert.Contains("publisher warning", Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FloodOfOneError_IsFirstLineThenOneCountPerWindow()
    {
        using (var logger = Create("log_format: json\n"))
        {
            var printer = logger.ForContext(Constants.SourceContextPropertyName, Bambu).ForContext("printer", "x1c");
            for (var i = 0; i < 10_000; i++)
            {
                printer.Error("Printer {PrinterId}: connection lost ({Attempt})", "x1c", i);
                _time.Advance(TimeSpan.FromMilliseconds(1));
            }

            Assert.Single(Lines);
            printer.Error("Printer {PrinterId}: another error", "x1c");
            logger.ForContext("printer", "mk4").Error("Printer {PrinterId}: connection lost ({Attempt})", "mk4", 1);
            Assert.Equal(3, Lines.Length);

            _time.Advance(RepeatLimitingSink.Window);
            printer.Error("Printer {PrinterId}: connection lost ({Attempt})", "x1c", 10_000);
        }

        var lines = Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(5, lines.Length);
        Assert.Equal(0, lines[0].GetProperty("Attempt").GetInt32());
        Assert.Equal(9_999, lines[3].GetProperty("RepeatCount").GetInt64());
        Assert.Equal("x1c", lines[3].GetProperty("printer").GetString());
        Assert.Equal("Printer {PrinterId}: connection lost ({Attempt})", lines[3].GetProperty("RepeatedMessage").GetString());
        Assert.Equal(10_000, lines[4].GetProperty("Attempt").GetInt32());
    }

    [Fact]
    public void Create_RepeatedInformation_IsNeverHeldBack()
    {
        using (var logger = Create("log_format: json\n"))
        {
            for (var i = 0; i < 50; i++)
            {
                logger.Information("Printer {PrinterId}: job_started", "x1c");
            }
        }

        Assert.Equal(50, Lines.Length);
    }

    [Fact]
    public void Dispose_WithHeldBackRepeats_ReportsTheCount()
    {
        using (var logger = Create("log_format: json\n"))
        {
            for (var i = 0; i < 5; i++)
            {
                logger.Warning("Broker rejected a message on {Topic}", "t");
            }
        }

        Assert.Equal(2, Lines.Length);
        Assert.Equal(4, JsonDocument.Parse(Lines[1]).RootElement.GetProperty("RepeatCount").GetInt64());
    }

    private Logger Create(string yaml) => BridgeLogging.Create(ParseValid(yaml), _time, _output).CreateLogger();
}

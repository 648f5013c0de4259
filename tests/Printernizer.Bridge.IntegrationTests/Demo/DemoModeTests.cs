using Printernizer.Bridge.Hosting.Demo;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.TestSupport;
using Serilog;

namespace Printernizer.Bridge.IntegrationTests.Demo;

public sealed class DemoModeTests
{
    [Fact]
    public async Task Demo_ThreePrintersLiveDiscoveryValidAndCancelGivesOkAndJobCancelled()
    {
        using var logger = new LoggerConfiguration().CreateLogger();
        var (port, session) = await StartOnFreePortAsync(logger);
        MqttCapture? capture = null;
        try
        {
            capture = await MqttCapture.ConnectAsync("127.0.0.1", port);
            foreach (var printer in new[] { "x1c", "p1s", "mk4" })
            {
                await capture.WaitForAsync(m => m.Topic == $"printernizer/{printer}/progress", $"{printer} progress", TimeSpan.FromSeconds(60));
                await capture.WaitForAsync(m => m.Topic == $"homeassistant/sensor/printernizer_{printer}/status/config", $"{printer} discovery", TimeSpan.FromSeconds(60));
            }

            await capture.WaitForAsync(
                m => m.Topic == "printernizer/x1c/state" && m.Json.GetProperty("status").GetString() is "printing" or "preparing",
                "x1c printing",
                TimeSpan.FromSeconds(60));
            await capture.PublishAsync("printernizer/x1c/command", "cancel");

            var result = await capture.WaitForAsync(m => m.Topic == "printernizer/x1c/command/result", "cancel result", TimeSpan.FromSeconds(30));
            Assert.Equal("ok", result.Json.GetProperty("status").GetString());
            await capture.WaitForAsync(
                m => m.Topic == "printernizer/x1c/event" && m.Json.GetProperty("event_type").GetString() == "job_cancelled",
                "job_cancelled",
                TimeSpan.FromSeconds(30));
        }
        finally
        {
            await session.DisposeAsync();
        }

        await capture!.WaitForAsync("printernizer/bridge/state", "offline");
        var report = await DiscoveryValidator.RunAsync(
            capture.Messages.Where(m => !m.Topic.EndsWith("/command", StringComparison.Ordinal)).Select(m => new ValidatorMessage(m.Topic, m.Text, m.Retain, m.Qos)));
        await capture.DisposeAsync();
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Empty(report.Problems);
    }

    /// <summary>Another process on this shared machine may take the free port between probe and bind: try again.</summary>
    private static async Task<(int Port, DemoRunner.DemoSession Session)> StartOnFreePortAsync(Serilog.ILogger logger)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = TestBroker.FreePort();
            try
            {
                return (port, await DemoRunner.StartAsync(port, logger, TimeSpan.FromSeconds(40), CancellationToken.None));
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 3)
            {
            }
        }
    }
}

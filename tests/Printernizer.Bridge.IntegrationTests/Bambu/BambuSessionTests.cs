using System.Text;
using Printernizer.Bridge.IntegrationTests.Infrastructure;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.IntegrationTests.Bambu;

/// <summary>
/// The session's own MQTT behaviour against a scripted printer broker over TLS: keep-alive pings, a
/// peer that stops answering, QoS 1 acknowledgements and delivery of reports.
/// </summary>
public sealed class BambuSessionTests : IDisposable
{
    private const string Serial = "01S00C370000001";
    private readonly string _stateDir = Directory.CreateTempSubdirectory("bambu-session-").FullName;

    [Fact]
    public async Task KeepAlive_QuietPrinter_PingsAndStaysConnected()
    {
        await using var broker = new ScriptedPrinterBroker(Serial, answerPings: true, acknowledgePublishes: true);
        await using var session = await ConnectAsync(broker, keepAlive: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(2));

        await Poll.UntilAsync(() => broker.PingsReceived >= 4, TimeSpan.FromSeconds(20), "four pings");

        Assert.True(session.IsConnected);
        Assert.False(session.Inbound.TryRead(out _));
    }

    [Fact]
    public async Task KeepAlive_PingNeverAnswered_SessionReportedLost()
    {
        await using var broker = new ScriptedPrinterBroker(Serial, answerPings: false, acknowledgePublishes: true);
        await using var session = await ConnectAsync(broker, keepAlive: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(2));

        var inbound = await session.Inbound.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.True(inbound.Disconnected);
        Assert.False(session.IsConnected);
        Assert.InRange(broker.PingsReceived, 1, 5);
        await broker.ClientGone.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PublishAsync_PrinterAcknowledges_ReturnsAfterPubAck()
    {
        await using var broker = new ScriptedPrinterBroker(Serial, answerPings: true, acknowledgePublishes: true);
        await using var session = await ConnectAsync(broker, keepAlive: TimeSpan.FromSeconds(30), timeout: TimeSpan.FromSeconds(5));

        await session.PublishAsync(BambuCommandBuilder.Pushall(), CancellationToken.None);
        await session.PublishAsync(BambuCommandBuilder.GetVersion(), CancellationToken.None);

        Assert.Equal(2, broker.PublishesReceived);
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task PublishAsync_NoPubAck_TimesOutAndSessionStays()
    {
        await using var broker = new ScriptedPrinterBroker(Serial, answerPings: true, acknowledgePublishes: false);
        await using var session = await ConnectAsync(broker, keepAlive: TimeSpan.FromSeconds(30), timeout: TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => session.PublishAsync(BambuCommandBuilder.Pushall(), CancellationToken.None));

        Assert.Equal(1, broker.PublishesReceived);
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task Inbound_PrinterPublishesReports_PayloadsQueuedInOrder()
    {
        await using var broker = new ScriptedPrinterBroker(Serial, answerPings: true, acknowledgePublishes: true);
        await using var session = await ConnectAsync(broker, keepAlive: TimeSpan.FromSeconds(30), timeout: TimeSpan.FromSeconds(5));

        await broker.SendReportAsync("""{"print":{"command":"push_status","layer_num":1}}""");
        await broker.SendReportAsync("""{"print":{"command":"push_status","layer_num":2}}""");
        var first = await session.Inbound.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var second = await session.Inbound.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("\"layer_num\":1", Encoding.UTF8.GetString(first.Payload!), StringComparison.Ordinal);
        Assert.Contains("\"layer_num\":2", Encoding.UTF8.GetString(second.Payload!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_Connected_SendsDisconnectAndClosesOnce()
    {
        var broker = new ScriptedPrinterBroker(Serial, answerPings: true, acknowledgePublishes: true);
        await using (broker)
        {
            var session = await ConnectAsync(broker, keepAlive: TimeSpan.FromSeconds(30), timeout: TimeSpan.FromSeconds(5));

            await session.DisposeAsync();

            await broker.ClientGone.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(session.IsConnected);
            await Assert.ThrowsAsync<InvalidOperationException>(() => session.PublishAsync("{}", CancellationToken.None));
        }
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private async Task<BambuSession> ConnectAsync(ScriptedPrinterBroker broker, TimeSpan keepAlive, TimeSpan timeout)
    {
        var settings = new BambuSettings(Serial, "12345678", null, true, BambuSettings.DefaultWatchdog, BambuSettings.DefaultAuthRetry)
        {
            KeepAlive = keepAlive,
            ConnectTimeout = timeout,
        };
        var session = new BambuSession("p1s", "127.0.0.1", broker.Port, settings,
            new BambuCertificateValidator("p1s", settings, new BambuCertificatePinStore(_stateDir)), TimeProvider.System);
        try
        {
            await session.ConnectAsync(CancellationToken.None);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}

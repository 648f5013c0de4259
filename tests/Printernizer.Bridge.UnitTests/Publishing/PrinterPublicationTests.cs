using System.Text;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.UnitTests.Publishing;

public sealed class PrinterPublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private readonly PrinterPublication _publication = new("p1", new TopicLayout("printernizer", "homeassistant"), controlEnabled: true);

    private static PrinterState State(double nozzle = 200, double percent = 10) => new()
    {
        PrinterId = "p1",
        Online = true,
        HasData = true,
        Status = PrinterStatus.Printing,
        Temperatures = new Temperatures(new Temperature(nozzle, 220), new Temperature(60, 60), null),
        Progress = new JobProgress(percent, null, null, 600, null, null),
        UpdatedAt = Now,
    };

    private List<OutgoingMessage> Update(PrinterState state, DateTimeOffset? at = null)
    {
        var output = new List<OutgoingMessage>();
        _publication.Update(state, at ?? Now, output);
        return output;
    }

    [Fact]
    public void Update_FirstState_PublishesAvailabilityAndEveryStateTopicRetained()
    {
        var output = Update(State());

        Assert.Equal(
            ["printernizer/p1/availability", "printernizer/p1/state", "printernizer/p1/temperature", "printernizer/p1/progress", "printernizer/p1/job"],
            output.Select(m => m.Topic));
        Assert.All(output, m => Assert.True(m.Retain));
    }

    [Fact]
    public void Update_OnlyUpdatedAtChanged_NothingPublished()
    {
        Update(State());

        var output = Update(State() with { UpdatedAt = Now.AddSeconds(5) }, Now.AddSeconds(5));

        Assert.Empty(output);
    }

    [Fact]
    public void Update_ProgressChanged_OnlyProgressPublished()
    {
        Update(State());

        var output = Update(State(percent: 11));

        Assert.Equal(["printernizer/p1/progress"], output.Select(m => m.Topic));
    }

    [Fact]
    public void Update_Offline_OnlyAvailabilityAndNoDefaults()
    {
        Update(State());

        var output = Update(State() with { Online = false });

        var message = Assert.Single(output);
        Assert.Equal("printernizer/p1/availability", message.Topic);
        Assert.Equal("offline", Encoding.UTF8.GetString(message.Payload));
    }

    [Fact]
    public void Update_NoDataYet_OnlyAvailability()
    {
        var output = Update(new PrinterState { PrinterId = "p1", Online = false, HasData = false });

        Assert.Equal(["printernizer/p1/availability"], output.Select(m => m.Topic));
    }

    [Fact]
    public void Update_RefusedBeforeAnyData_AvailabilityAndStateWithTheErrorOnly()
    {
        var refused = new PrinterState { PrinterId = "p1", Online = false, HasData = false, Error = new PrinterError("auth_failed", "authentication failed") };

        var output = Update(refused);

        Assert.Equal(["printernizer/p1/availability", "printernizer/p1/state"], output.Select(m => m.Topic));
        Assert.Contains("\"code\":\"auth_failed\"", Encoding.UTF8.GetString(output[1].Payload));
    }

    [Fact]
    public void Flush_HeldBackTemperatureAfterInterval_Published()
    {
        Update(State(nozzle: 200));
        Assert.Empty(Update(State(nozzle: 200.3)));

        var early = new List<OutgoingMessage>();
        _publication.Flush(Now.AddSeconds(30), early);
        var late = new List<OutgoingMessage>();
        _publication.Flush(Now.AddSeconds(61), late);

        Assert.Empty(early);
        Assert.Contains("200.3", Encoding.UTF8.GetString(Assert.Single(late).Payload));
    }

    [Fact]
    public void RepublishAll_AfterUpdates_LastPayloadOfEveryTopic()
    {
        Update(State());
        Update(State(percent: 50));

        var output = new List<OutgoingMessage>();
        _publication.RepublishAll(output);

        Assert.Equal(5, output.Count);
        Assert.Contains("50", Encoding.UTF8.GetString(output.Single(m => m.Topic.EndsWith("/progress", StringComparison.Ordinal)).Payload));
    }
}

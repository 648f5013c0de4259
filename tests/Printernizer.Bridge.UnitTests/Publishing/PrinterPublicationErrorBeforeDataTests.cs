using System.Text.Json;
using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.UnitTests.Publishing;

public sealed class PrinterPublicationErrorBeforeDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private readonly PrinterPublication _publication = new("p1", new TopicLayout("printernizer", "homeassistant"), controlEnabled: true);

    [Fact]
    public void Update_CredentialsRefusedBeforeAnyData_PublishesAvailabilityAndStateWithTheErrorOnly()
    {
        var refused = new PrinterState { PrinterId = "p1", Error = new PrinterError("auth_failed", "authentication failed"), UpdatedAt = Now };

        var output = Update(refused);
        var again = Update(refused with { UpdatedAt = Now.AddMinutes(5) });

        Assert.Equal(["printernizer/p1/availability", "printernizer/p1/state"], output.Select(m => m.Topic));
        var state = JsonDocument.Parse(output[1].Payload).RootElement;
        Assert.Equal("auth_failed", state.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("unknown", state.GetProperty("status").GetString());
        Assert.Empty(again);
    }

    private List<OutgoingMessage> Update(PrinterState state)
    {
        var output = new List<OutgoingMessage>();
        _publication.Update(state, Now, output);
        return output;
    }
}

using System.Text;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

public sealed record CapturedMessage(string Topic, byte[] Payload, bool Retain, int Qos, byte[]? CorrelationData)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Payload).RootElement;
}

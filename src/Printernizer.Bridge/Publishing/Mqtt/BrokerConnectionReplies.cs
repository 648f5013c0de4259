namespace Printernizer.Bridge.Publishing.Mqtt;

internal static class BrokerConnectionReplies
{
    /// <summary>
    /// Publishes an answer (never retained) on the bridge's answer topic and, for an MQTT 5
    /// request that named a response topic, there too with the request's correlation data.
    /// </summary>
    public static void Reply(this IBrokerConnection broker, string answerTopic, byte[] payload, string? responseTopic, byte[]? correlationData)
    {
        broker.Enqueue(new OutgoingMessage(answerTopic, payload, Retain: false));
        if (!string.IsNullOrEmpty(responseTopic))
        {
            broker.Enqueue(new OutgoingMessage(responseTopic, payload, Retain: false, CorrelationData: correlationData));
        }
    }
}

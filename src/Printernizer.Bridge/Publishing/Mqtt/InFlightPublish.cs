using MQTTnet;

namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>A publish awaiting its PUBACK, with the end of the connection it was sent on.</summary>
internal readonly record struct InFlightPublish(OutgoingMessage Message, Task<MqttClientPublishResult> Publish, Task SessionEnded, long Started);

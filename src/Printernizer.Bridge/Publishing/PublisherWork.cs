using Printernizer.Bridge.Domain;
using Printernizer.Bridge.Publishing.Mqtt;

namespace Printernizer.Bridge.Publishing;

internal enum PublisherWorkKind
{
    StateReported,
    Connected,
    RepublishAll,
    Tick,
}

/// <summary>One item for the publisher loop, which alone owns the publishing caches.</summary>
internal readonly record struct PublisherWork(
    PublisherWorkKind Kind,
    PrinterState? State = null,
    IReadOnlyList<IncomingMessage>? RetainedConfigs = null);

using Microsoft.Extensions.Logging;

namespace Printernizer.Bridge.Printers;

/// <summary>What the host gives every adapter.</summary>
/// <param name="StateDirectory">The configured <c>state_dir</c>, created; adapters keep TLS pins and similar files here.</param>
internal sealed record PrinterAdapterContext(
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    string StateDirectory);

namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>The printer cannot be reached right now: connection failure, timeout, 503. Retried with backoff.</summary>
internal sealed class PrusaTransientException(string message, Exception? inner = null) : Exception(message, inner);

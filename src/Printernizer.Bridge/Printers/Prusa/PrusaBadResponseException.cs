namespace Printernizer.Bridge.Printers.Prusa;

/// <summary>The printer answered, but with a body that cannot be used (bad JSON, wrong shape).</summary>
internal sealed class PrusaBadResponseException(string message) : Exception(message);

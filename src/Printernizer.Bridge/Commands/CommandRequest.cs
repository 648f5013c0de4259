using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Commands;

/// <summary>A parsed command message. <see cref="Command"/> is null when <see cref="Error"/> says why.</summary>
/// <param name="Word">The command as the sender wrote it, echoed in the result.</param>
internal sealed record CommandRequest(string? Word, PrinterCommand? Command, string? Transaction, string? Error);

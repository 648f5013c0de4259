namespace Printernizer.Bridge.Domain;

/// <summary>What a printer made of a command; <see cref="Error"/> is a text a person can act on.</summary>
internal sealed record CommandResult(bool Ok, string? Error)
{
    public static CommandResult Success { get; } = new(true, null);

    /// <summary>True when the printer gave no answer at all (timed out, unreachable): what opens the command circuit.</summary>
    public bool Unanswered { get; init; }

    public static CommandResult Failure(string error) => new(false, error);

    public static CommandResult NoAnswer(string error) => new(false, error) { Unanswered = true };
}

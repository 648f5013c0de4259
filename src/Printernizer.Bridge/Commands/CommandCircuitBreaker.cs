using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.Commands;

/// <summary>
/// A circuit per printer around command execution. A printer that looks online but leaves
/// <see cref="FailuresToOpen"/> commands in a row unanswered (the P1 stale-broker bug, a PrusaLink
/// that stopped answering) gets the next commands refused at once with a clear error, instead of
/// each one holding the printer's command slot until its timeout. After <see cref="BreakDuration"/>
/// one command is let through again; an answer closes the circuit.
/// </summary>
internal sealed class CommandCircuitBreaker
{
    public const int FailuresToOpen = 2;
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ResiliencePipeline<CommandResult>> _circuits = new(StringComparer.Ordinal);

    public CommandCircuitBreaker(TimeProvider time)
    {
        _time = time;
    }

    public async Task<CommandResult> ExecuteAsync(string printerId, Func<CancellationToken, Task<CommandResult>> send, CancellationToken cancellationToken)
    {
        var circuit = _circuits.GetOrAdd(printerId, _ => Create());
        try
        {
            return await circuit.ExecuteAsync(async ct => await send(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            var wait = Math.Max(1, Math.Ceiling((ex.RetryAfter ?? BreakDuration).TotalSeconds));
            return CommandResult.Failure(
                $"printer '{printerId}' did not answer its last {FailuresToOpen} commands; not sent (the next command is tried again in {wait:0} s)");
        }
    }

    private ResiliencePipeline<CommandResult> Create() =>
        new ResiliencePipelineBuilder<CommandResult> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<CommandResult>
            {
                // Commands are rare: every one in the window counts, and only unanswered ones fail.
                FailureRatio = 1.0,
                MinimumThroughput = FailuresToOpen,
                SamplingDuration = TimeSpan.FromMinutes(5),
                BreakDuration = BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { Unanswered: true } || args.Outcome.Exception is OperationCanceledException or TimeoutException),
            })
            .Build();
}

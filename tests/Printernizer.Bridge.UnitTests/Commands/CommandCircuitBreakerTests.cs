using Microsoft.Extensions.Time.Testing;
using Printernizer.Bridge.Commands;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.UnitTests.Commands;

public sealed class CommandCircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new();
    private int _sent;

    [Fact]
    public async Task ExecuteAsync_TwoUnansweredInARow_ThirdRefusedAtOnceWithoutSending()
    {
        var breaker = new CommandCircuitBreaker(_time);

        await breaker.ExecuteAsync("p1", Unanswered, CancellationToken.None);
        await breaker.ExecuteAsync("p1", Unanswered, CancellationToken.None);
        var third = await breaker.ExecuteAsync("p1", Unanswered, CancellationToken.None);

        Assert.Equal(2, _sent);
        Assert.False(third.Ok);
        Assert.Contains("printer 'p1' did not answer its last 2 commands; not sent", third.Error);
    }

    [Fact]
    public async Task ExecuteAsync_RefusalsThatAreAnswers_NeverOpen()
    {
        var breaker = new CommandCircuitBreaker(_time);

        for (var i = 0; i < 5; i++)
        {
            await breaker.ExecuteAsync("p1", _ => Send(CommandResult.Failure("nothing to pause")), CancellationToken.None);
        }

        Assert.Equal(5, _sent);
    }

    [Fact]
    public async Task ExecuteAsync_OnePrinterOpen_OtherPrinterStillSends()
    {
        var breaker = new CommandCircuitBreaker(_time);
        await breaker.ExecuteAsync("dead", Unanswered, CancellationToken.None);
        await breaker.ExecuteAsync("dead", Unanswered, CancellationToken.None);

        var other = await breaker.ExecuteAsync("alive", _ => Send(CommandResult.Success), CancellationToken.None);

        Assert.True(other.Ok);
        Assert.Equal(3, _sent);
    }

    [Fact]
    public async Task ExecuteAsync_AfterBreakDurationAndAnAnswer_ClosesAgain()
    {
        var breaker = new CommandCircuitBreaker(_time);
        await breaker.ExecuteAsync("p1", Unanswered, CancellationToken.None);
        await breaker.ExecuteAsync("p1", Unanswered, CancellationToken.None);

        _time.Advance(CommandCircuitBreaker.BreakDuration + TimeSpan.FromSeconds(1));
        var probe = await breaker.ExecuteAsync("p1", _ => Send(CommandResult.Success), CancellationToken.None);
        var next = await breaker.ExecuteAsync("p1", _ => Send(CommandResult.Success), CancellationToken.None);

        Assert.True(probe.Ok);
        Assert.True(next.Ok);
        Assert.Equal(4, _sent);
    }

    [Fact]
    public async Task ExecuteAsync_TimedOutByCaller_CountsAsUnanswered()
    {
        var breaker = new CommandCircuitBreaker(_time);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<OperationCanceledException>(() => breaker.ExecuteAsync("p1", _ => { _sent++; throw new OperationCanceledException(); }, CancellationToken.None));
        }

        var third = await breaker.ExecuteAsync("p1", _ => Send(CommandResult.Success), CancellationToken.None);

        Assert.False(third.Ok);
        Assert.Equal(2, _sent);
    }

    private Task<CommandResult> Unanswered(CancellationToken cancellationToken) => Send(CommandResult.NoAnswer("printer 'p1' did not answer 'pause' within 10 s"));

    private Task<CommandResult> Send(CommandResult result)
    {
        _sent++;
        return Task.FromResult(result);
    }
}

using Polly;
using Polly.Retry;

namespace Printernizer.Bridge.Resilience;

/// <summary>
/// The reconnect policy of SPEC §5: exponential backoff with jitter, capped, retried until
/// cancelled. Each connection owner builds its own pipeline, so one failing peer never
/// slows another.
/// </summary>
internal static class ReconnectPipeline
{
    public static ResiliencePipeline Create(
        TimeProvider time,
        TimeSpan firstDelay,
        TimeSpan maxDelay,
        Func<Exception, bool>? shouldRetry = null,
        Action<Exception?, int, TimeSpan>? onRetry = null)
    {
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && ex is not OperationCanceledException && (shouldRetry?.Invoke(ex) ?? true)),
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}

using CallLogClient.Diagnostics;
using CallLogClient.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CallLogClient.Http;

/// <summary>
/// The strategies every attempt of a call runs through, inside the call's overall deadline (<see cref="CallHandler"/>):
/// retry (method- and outcome-aware, honouring server hints up to a cap) → token refresh (OAuth credentials with a
/// refresh callback) → client-side budget (when configured) → the attempt, with its own timeout. Every wait runs on
/// the options' <see cref="TimeProvider"/> and ends with the call's deadline or the caller's cancellation token.
/// </summary>
internal sealed class CallResiliencePipeline
{
    /// <summary>Where <see cref="CallHandler"/> puts the call's state in the pipeline's context.</summary>
    public static readonly ResiliencePropertyKey<RequestState> StateKey = new(RequestState.OptionKey);

    private readonly RetryOptions options;
    private readonly TimeProvider timeProvider;
    private readonly IProviderProtocol protocol;
    private readonly ILogger logger;

    private CallResiliencePipeline(CallLogClientOptions clientOptions, IProviderProtocol protocol, ILogger logger)
    {
        options = clientOptions.Retry.Clone();
        timeProvider = clientOptions.TimeProvider;
        this.protocol = protocol;
        this.logger = logger;
    }

    /// <summary>The pipeline of a client's calls; the retry settings are read once, here.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(
        CallLogClientOptions clientOptions,
        IProviderProtocol protocol,
        ClientBudget? budget,
        IRequestCredential credential,
        ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        var pipeline = new CallResiliencePipeline(clientOptions, protocol, logger);
        var options = pipeline.options;
        builder.TimeProvider = pipeline.timeProvider;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(pipeline.ShouldRetry(args.Outcome, args.Context)),

                // The providers' hints (Retry-After, x-ratelimit-reset, RateLimit) were read from the attempt's response.
                DelayGenerator = args => ValueTask.FromResult(StateOf(args.Context).ServerDelay is { } hint ? RoundUp(hint) : (TimeSpan?)null),
                OnRetry = pipeline.OnRetry,
            });
        }

        if (credential.CanRefresh)
        {
            builder.AddStrategy(_ => new TokenRefreshStrategy(credential, StateOf, protocol.Provider, logger));
        }

        if (budget is not null)
        {
            builder.AddStrategy(_ => new BudgetStrategy(budget, StateOf, protocol.Provider, logger));
        }

        return builder.Build();
    }

    /// <summary>The state of the call a pipeline execution belongs to.</summary>
    public static RequestState StateOf(ResilienceContext context) =>
        context.Properties.TryGetValue(StateKey, out var state)
            ? state
            : throw new InvalidOperationException("Requests must be sent through the client's request executor.");

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var state = StateOf(context);
        var replay = state.Request.Replay;
        if (outcome.Exception is { } exception)
        {
            return FailureClassifier.MayRetry(replay, exception);
        }

        if (!FailureClassifier.MayRetry(replay, outcome.Result!.StatusCode))
        {
            return false;
        }

        return state.ServerDelay is not { } hint || AcceptServerDelay(state, hint);
    }

    /// <summary>
    /// A server hint is slept on only up to the cap, and only when the call's overall deadline leaves room for it;
    /// otherwise the call fails at once and the exception says when the server will take requests again.
    /// </summary>
    private bool AcceptServerDelay(RequestState state, TimeSpan hint)
    {
        if (hint > options.MaxServerDelay)
        {
            state.WaitRefusedBecause = $"longer than RetryOptions.MaxServerDelay ({FailureClassifier.Format(options.MaxServerDelay)})";
        }
        else if (timeProvider.GetUtcNow() + hint >= state.StartedAt + options.OverallTimeout)
        {
            state.WaitRefusedBecause = $"past the call's RetryOptions.OverallTimeout ({FailureClassifier.Format(options.OverallTimeout)})";
        }
        else
        {
            return true;
        }

        Log.ServerDelayRefused(
            logger, protocol.Provider, state.Method, state.Path, (long)hint.TotalMilliseconds, state.WaitRefusedBecause);
        state.Request.Telemetry?.ServerHintRefused(hint);
        return false;
    }

    private ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var state = StateOf(args.Context);
        // Polly disposes the response being retried once this returns.
        var failure = args.Outcome.Exception is { } exception
            ? Log.Describe(exception)
            : Log.Describe(args.Outcome.Result!.StatusCode);

        Log.RetryScheduled(
            logger, protocol.Provider, state.Method, state.Path, args.AttemptNumber + 1, failure,
            (long)args.RetryDelay.TotalMilliseconds);
        state.Request.Telemetry?.Retrying(
            args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result?.StatusCode, args.Outcome.Exception, serverHint: state.ServerDelay is not null);
        return ValueTask.CompletedTask;
    }

    /// <summary>Timers count whole milliseconds and drop the rest: rounding up keeps a retry from landing before the server's reset.</summary>
    private static TimeSpan RoundUp(TimeSpan hint) =>
        TimeSpan.FromTicks((hint.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
}

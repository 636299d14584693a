using CallLogClient.Diagnostics;
using CallLogClient.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CallLogClient.Http;

/// <summary>
/// Runs every call through a Polly pipeline: overall timeout → retry (method- and outcome-aware, honouring server
/// hints up to a cap) → client-side budget (when configured) → per-attempt timeout. Every wait and timeout runs on the
/// options' <see cref="TimeProvider"/> and ends with the caller's cancellation token. Each attempt is a fresh request
/// message sharing the re-readable content, and its response body is buffered inside the attempt, so a body that
/// breaks off counts as a failed attempt.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RequestState> StateKey = new("CallLogClient.RequestState");

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly IProviderProtocol protocol;
    private readonly RetryOptions options;
    private readonly int maxResponseBodyBytes;
    private readonly TimeProvider timeProvider;
    private readonly ClientBudget? budget;
    private readonly bool ownsBudget;
    private readonly ILogger logger;

    public ResilienceHandler(
        CallLogClientOptions clientOptions, IProviderProtocol protocol, ClientBudget? budget, bool ownsBudget, ILogger logger)
    {
        options = clientOptions.Retry;
        maxResponseBodyBytes = clientOptions.MaxResponseBodyBytes;
        timeProvider = clientOptions.TimeProvider;
        this.protocol = protocol;
        this.budget = budget;
        this.ownsBudget = ownsBudget;
        this.logger = logger;
        pipeline = BuildPipeline();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request)
            ?? throw new InvalidOperationException("Requests must be sent through the client's request executor.");
        state.Start(request, timeProvider.GetUtcNow());
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (ctx, args) => args.handler.SendAttemptAsync(args.request, ctx),
                context,
                (handler: this, request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsBudget)
        {
            budget?.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, ResilienceContext context)
    {
        var state = StateOf(context);
        var attempt = CloneForAttempt(request);
        state.BeginAttempt(timeProvider.GetUtcNow());
        var started = timeProvider.GetTimestamp();
        Log.SendingAttempt(logger, protocol.Provider, request.Method.Method, state.Path, state.Attempts);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(attempt, context.CancellationToken).ConfigureAwait(false);
            state.BodyProblem = await ResponseBodyReader.BufferAsync(response, maxResponseBodyBytes, context.CancellationToken)
                .ConfigureAwait(false);
            state.MayHaveBeenProcessed |= FailureClassifier.MayHaveBeenProcessed(response.StatusCode);
            if (FailureClassifier.IsRetryableStatus(response.StatusCode))
            {
                var now = timeProvider.GetUtcNow();
                state.SetServerDelay(protocol.ParseRetryDelay(response, ResponseBodyReader.BodyOf(response).Span, now), now);
            }

            Log.ResponseReceived(
                logger, protocol.Provider, request.Method.Method, state.Path, (int)response.StatusCode,
                (long)timeProvider.GetElapsedTime(started).TotalMilliseconds, ResponseHeaders.RequestId(response, state.Secrets));
            return Outcome.FromResult(response);
        }
#pragma warning disable CA1031 // Every failure becomes an outcome for the retry strategy to classify.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            response?.Dispose();
            state.MayHaveBeenProcessed |= FailureClassifier.MayHaveBeenProcessed(exception);
            Log.AttemptFailed(logger, protocol.Provider, request.Method.Method, state.Path, state.Attempts, Log.Describe(exception));
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = options.OverallTimeout,
                OnTimeout = args =>
                {
                    StateOf(args.Context).OverallTimedOut = true;
                    return default;
                },
            });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(StateOf(args.Context).ServerDelay is { } hint ? RoundUp(hint) : (TimeSpan?)null),
                OnRetry = OnRetry,
            });
        }

        if (budget is not null)
        {
            builder.AddStrategy(_ => new BudgetStrategy(budget, StateOf, protocol.Provider, logger));
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

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
        return false;
    }

    private ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var state = StateOf(args.Context);
        string failure;
        if (args.Outcome.Exception is { } exception)
        {
            failure = Log.Describe(exception);
        }
        else
        {
            failure = Log.Describe(args.Outcome.Result!.StatusCode);
            args.Outcome.Result.Dispose();
        }

        Log.RetryScheduled(
            logger, protocol.Provider, state.Method, state.Path, args.AttemptNumber + 1, failure,
            (long)args.RetryDelay.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }

    /// <summary>Timers count whole milliseconds and drop the rest: rounding up keeps a retry from landing before the server's reset.</summary>
    private static TimeSpan RoundUp(TimeSpan hint) =>
        TimeSpan.FromTicks((hint.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);

    private static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    private static RequestState StateOf(ResilienceContext context) => context.Properties.GetValue(StateKey, null!);

    /// <summary>
    /// A fresh message for one attempt. A request other than GET/HEAD always carries a body (<c>Content-Length: 0</c>
    /// when it has none, as Python's requests sends): SocketsHttpHandler silently re-sends a body-less request when the
    /// server closes without answering, which would hide from this pipeline a DELETE the server may already have done.
    /// </summary>
    private static HttpRequestMessage CloneForAttempt(HttpRequestMessage original)
    {
        var attempt = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Content = original.Content ?? (IsSafe(original.Method) ? null : new ByteArrayContent([])),
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)attempt.Options)[option.Key] = option.Value;
        }

        return attempt;
    }
}

using System.Net;
using CallLogClient.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CallLogClient.Http;

/// <summary>
/// Runs every call through a Polly pipeline: overall timeout → retry (method- and outcome-aware, honouring server
/// hints up to a cap) → per-attempt timeout. Each attempt is a fresh request message sharing the re-readable content,
/// and its response body is buffered inside the attempt, so a body that breaks off counts as a failed attempt.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RequestState> StateKey = new("CallLogClient.RequestState");

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly IProviderProtocol protocol;
    private readonly RetryOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    public ResilienceHandler(RetryOptions options, TimeProvider timeProvider, IProviderProtocol protocol, ILogger logger)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        this.protocol = protocol;
        this.logger = logger;
        pipeline = BuildPipeline();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request)
            ?? throw new InvalidOperationException("Requests must be sent through the client's request executor.");
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

    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, ResilienceContext context)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        var attempt = CloneForAttempt(request);
        state.BeginAttempt(timeProvider.GetUtcNow());
        var started = timeProvider.GetTimestamp();
        Log.SendingAttempt(logger, protocol.Provider, request.Method.Method, PathOf(request), state.Attempts);
        try
        {
            var response = await base.SendAsync(attempt, context.CancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(context.CancellationToken).ConfigureAwait(false);
            state.MayHaveBeenProcessed |= FailureClassifier.MayHaveBeenProcessed(response.StatusCode);
            if (FailureClassifier.IsRetryableStatus(response.StatusCode))
            {
                var body = await response.Content.ReadAsByteArrayAsync(context.CancellationToken).ConfigureAwait(false);
                state.ServerDelay = protocol.ParseRetryDelay(response, body, timeProvider.GetUtcNow());
            }

            Log.ResponseReceived(
                logger, protocol.Provider, request.Method.Method, PathOf(request), (int)response.StatusCode,
                (long)timeProvider.GetElapsedTime(started).TotalMilliseconds, ResponseHeaders.RequestId(response));
            return Outcome.FromResult(response);
        }
#pragma warning disable CA1031 // Every failure becomes an outcome for the retry strategy to classify.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            state.MayHaveBeenProcessed |= !FailureClassifier.NeverConnected(exception);
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(options.OverallTimeout);
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
                DelayGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(StateKey, null!).ServerDelay),
                OnRetry = args => OnRetry(args),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var state = context.Properties.GetValue(StateKey, null!);
        var replay = state.Request.Replay;
        if (outcome.Exception is { } exception)
        {
            return FailureClassifier.MayRetry(replay, exception);
        }

        var response = outcome.Result!;
        if (!FailureClassifier.MayRetry(replay, response.StatusCode))
        {
            return false;
        }

        return state.ServerDelay is not { } hint || hint <= options.MaxServerDelay;
    }

    private ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.Properties.GetValue(StateKey, null!).Request;
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
            logger, protocol.Provider, request.Method.Method, "/" + request.Path, args.AttemptNumber + 1, failure,
            (long)args.RetryDelay.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }

    private static HttpRequestMessage CloneForAttempt(HttpRequestMessage original)
    {
        var attempt = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Content = original.Content,
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

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "";
}

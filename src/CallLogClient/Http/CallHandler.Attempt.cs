using CallLogClient.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CallLogClient.Http;

internal sealed partial class CallHandler
{
    /// <summary>
    /// One attempt, within its own deadline (linked to the call's): counts it, sends it, and reads its response body whole
    /// (up to the cap) before the retry strategy sees the outcome, so a body that breaks off or lies about its encoding
    /// counts as a failed attempt, and the attempt timeout covers the body too. It also notes what the retry rules need
    /// from the attempt: whether the server may have processed it, and the wait the server asked for (some hints are in
    /// the body).
    /// </summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(
        HttpRequestMessage request, RequestState state, CancellationToken cancellationToken)
    {
        state.BeginAttempt(timeProvider.GetUtcNow());
        var started = timeProvider.GetTimestamp();
        if (logger.IsEnabled(LogLevel.Debug)) // the path is worked out only for a line that is written
        {
            Log.SendingAttempt(logger, protocol.Provider, state.Method, state.Path, state.Attempts);
        }

        HttpResponseMessage? response = null;
        using var deadline = Deadline.Start(attemptTimeout, timeProvider, cancellationToken);
        try
        {
            response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            state.KeepBody(await ResponseBodyReader.ReadAsync(response.Content, maxResponseBodyBytes, deadline.Token).ConfigureAwait(false));
            state.MayHaveBeenProcessed |= FailureClassifier.MayHaveBeenProcessed(response.StatusCode);
            if (FailureClassifier.IsRetryableStatus(response.StatusCode))
            {
                if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                {
                    state.Request.Telemetry?.RateLimited();
                }

                var now = timeProvider.GetUtcNow();
                state.SetServerDelay(protocol.ParseRetryDelay(response, state.Body.Span, now), now);
            }

            if (logger.IsEnabled(LogLevel.Debug)) // the request id is read and cleaned only for a line that is written
            {
                Log.ResponseReceived(
                    logger, protocol.Provider, state.Method, state.Path, (int)response.StatusCode,
                    (long)timeProvider.GetElapsedTime(started).TotalMilliseconds, ResponseHeaders.RequestId(response, state.Secrets));
            }

            return Outcome.FromResult(response);
        }
        catch (Exception failure)
        {
            var exception = deadline.Ended(failure, cancellationToken)
                ? new TimeoutRejectedException("The attempt did not complete within its timeout.", attemptTimeout, failure)
                : failure;
            response?.Dispose();
            state.MayHaveBeenProcessed |= FailureClassifier.MayHaveBeenProcessed(exception);
            Log.AttemptFailed(logger, protocol.Provider, state.Method, state.Path, state.Attempts, Log.Describe(exception));
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }
}

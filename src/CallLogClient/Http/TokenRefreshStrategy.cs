using System.Net;
using CallLogClient.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;

namespace CallLogClient.Http;

/// <summary>
/// On a 401 to an OAuth credential that can refresh, refreshes it once and sends the attempt once more with the new
/// token. Sits inside the retry (which never retries a 401) and above the budget and the per-attempt timeout, so the
/// second attempt pays its cost and has its own timeout; a second 401 is the call's answer, never a loop.
/// </summary>
/// <remarks>
/// This is the one place a create (POST) is sent again after an answer: a 401 means the server refused the request at
/// authentication, before it read the body, so the call log was not created and one more POST cannot duplicate it. The
/// retry rules still hold for everything else: a create whose first attempt may have been processed (timeout, lost
/// response, 5xx) never reaches here with a 401, and an upload from a stream that cannot be rewound is not sent again.
/// </remarks>
internal sealed class TokenRefreshStrategy(
    IRequestCredential credential, Func<ResilienceContext, RequestState> stateOf, CallLogProvider provider, ILogger logger)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(false);
        var call = stateOf(context);
        if (outcome.Result is not { StatusCode: HttpStatusCode.Unauthorized } refused
            || call.TokenRefreshed
            || call.Request.Replay == ReplayPolicy.Never
            || (call.Request.Replay == ReplayPolicy.CreateOnce && call.MayHaveBeenProcessed))
        {
            return outcome;
        }

        call.TokenRefreshed = true;
        try
        {
            await credential.RefreshAsync(call.Message!, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (context.CancellationToken.IsCancellationRequested)
        {
            refused.Dispose();
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
#pragma warning disable CA1031 // a failing refresh leaves the 401 as the call's answer; the caller's callback may throw anything
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.TokenRefreshFailed(logger, provider, call.Method, call.Path, exception.GetType().Name);
            return outcome;
        }

        refused.Dispose();
        Log.TokenRefreshed(logger, provider, call.Method, call.Path, call.Attempts + 1);
        return await callback(context, state).ConfigureAwait(false);
    }
}

using System.Net.Http.Headers;

namespace CallLogClient.Http;

/// <summary>
/// An OAuth access token read on every attempt, with a refresh callback the client calls when the server refuses it
/// (401). Concurrent calls refused together share one refresh (refresh tokens rotate: a second refresh with the same
/// refresh token would fail), and a call refused with a token older than the last refresh takes that refresh's token
/// without refreshing again.
/// </summary>
internal sealed class RefreshingBearerToken(
    Func<CancellationToken, ValueTask<string>> accessTokenProvider,
    Func<CancellationToken, ValueTask<string>> refresh) : IRequestCredential
{
    private readonly Lock gate = new();
    private TaskCompletionSource<string>? pending;
    private string? refreshedToken;
    private long generation;

    public bool CanRefresh => true;

    public async ValueTask<IReadOnlyList<string>> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request);
        if (state?.RefreshedToken is { } refreshed)
        {
            BearerToken.Apply(request, refreshed, "token refresh callback");
            return [refreshed];
        }

        var readAt = Interlocked.Read(ref generation);
        var token = await accessTokenProvider(cancellationToken).ConfigureAwait(false);
        state?.TokenGeneration = readAt;
        BearerToken.Apply(request, token, "access token provider");
        return [token];
    }

    public async ValueTask RefreshAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request)
            ?? throw new InvalidOperationException("Requests must be sent through the client's request executor.");
        TaskCompletionSource<string> refreshing;
        var starts = false;
        lock (gate)
        {
            if (generation != state.TokenGeneration && refreshedToken is not null)
            {
                state.RefreshedToken = refreshedToken; // refreshed since this attempt read its token
                return;
            }

            if (pending is null)
            {
                pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                starts = true;
            }

            refreshing = pending;
        }

        if (starts)
        {
            _ = RunRefreshAsync(refreshing);
        }

        state.RefreshedToken = await refreshing.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the callback once for every call waiting on it; one caller's cancellation does not cancel it for the others.</summary>
    private async Task RunRefreshAsync(TaskCompletionSource<string> refreshing)
    {
        try
        {
            var token = await refresh(CancellationToken.None).ConfigureAwait(false);
            lock (gate)
            {
                refreshedToken = token;
                generation++;
                pending = null;
            }

            refreshing.SetResult(token);
        }
#pragma warning disable CA1031 // the caller's callback may throw anything; every waiting call sees it
        catch (Exception exception)
#pragma warning restore CA1031
        {
            lock (gate)
            {
                pending = null;
            }

            refreshing.SetException(exception);
        }
    }
}

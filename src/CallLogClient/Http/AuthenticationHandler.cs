namespace CallLogClient.Http;

/// <summary>Applies the credential to each attempt; sits below <see cref="CallHandler"/> so every retry is signed anew.</summary>
internal sealed class AuthenticationHandler(IRequestCredential credential) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var applying = credential.ApplyAsync(request, cancellationToken);
        if (!applying.IsCompletedSuccessfully)
        {
            return SendOnceAppliedAsync(applying, request, cancellationToken);
        }

        // An API key or a token already at hand (the usual case) is applied at once: no state machine for this layer.
        Remember(request, applying.Result);
        return base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAppliedAsync(
        ValueTask<IReadOnlyList<string>> applying, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Remember(request, await applying.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Remember(HttpRequestMessage request, IReadOnlyList<string> secrets)
    {
        if (RequestState.Of(request) is { } state)
        {
            state.Secrets = secrets;
        }
    }
}

namespace CallLogClient.Http;

/// <summary>Applies the credential to each attempt; sits below the resilience handler so every retry is signed anew.</summary>
internal sealed class AuthenticationHandler(IRequestCredential credential) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var secrets = await credential.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        if (RequestState.Of(request) is { } state)
        {
            state.Secrets = secrets;
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

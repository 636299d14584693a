namespace CallLogClient.Http;

/// <summary>Puts a credential on an outgoing request. Called on every attempt, so credentials can rotate.</summary>
internal interface IRequestCredential
{
    /// <summary>Applies the credential and returns the secret values it put on the request, for masking.</summary>
    /// <exception cref="UnusableCredentialException">The credential source gave nothing that can be sent.</exception>
    ValueTask<IReadOnlyList<string>> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>True when a refused credential (401) can be refreshed: an OAuth token with a refresh callback.</summary>
    bool CanRefresh => false;

    /// <summary>
    /// Gets a fresh credential for the call <paramref name="request"/> belongs to, after the server refused the one its
    /// last attempt carried; the call's next attempt carries it.
    /// </summary>
    ValueTask RefreshAsync(HttpRequestMessage request, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

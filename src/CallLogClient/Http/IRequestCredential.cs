namespace CallLogClient.Http;

/// <summary>Puts a credential on an outgoing request. Called on every attempt, so credentials can rotate.</summary>
internal interface IRequestCredential
{
    /// <summary>Applies the credential and returns the secret values it put on the request, for masking.</summary>
    /// <exception cref="UnusableCredentialException">The credential source gave nothing that can be sent.</exception>
    ValueTask<IReadOnlyList<string>> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

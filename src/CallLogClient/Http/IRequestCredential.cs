namespace CallLogClient.Http;

/// <summary>Puts a credential on an outgoing request. Called on every attempt, so credentials can rotate.</summary>
internal interface IRequestCredential
{
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

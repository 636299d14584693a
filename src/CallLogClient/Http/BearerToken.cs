using System.Net.Http.Headers;

namespace CallLogClient.Http;

/// <summary>An OAuth access token fetched on every attempt, so a refreshed token is picked up without a new client.</summary>
internal sealed class BearerToken(Func<CancellationToken, ValueTask<string>> accessTokenProvider) : IRequestCredential
{
    public static BearerToken Fixed(string accessToken, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken, paramName);
        return new BearerToken(_ => ValueTask.FromResult(accessToken));
    }

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await accessTokenProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new InvalidOperationException("The access token provider returned an empty token.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}

using System.Net.Http.Headers;

namespace CallLogClient.Http;

/// <summary>An OAuth access token fetched on every attempt, so a refreshed token is picked up without a new client.</summary>
internal sealed class BearerToken(Func<CancellationToken, ValueTask<string>> accessTokenProvider) : IRequestCredential
{
    public static BearerToken Fixed(string accessToken, string paramName)
    {
        CredentialText.Require(accessToken, paramName, "access token");
        return new BearerToken(_ => ValueTask.FromResult(accessToken));
    }

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await accessTokenProvider(cancellationToken).ConfigureAwait(false);
        if (!CredentialText.IsHeaderSafe(token))
        {
            throw new InvalidOperationException("The access token provider returned an empty token, or one with white space or control characters.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}

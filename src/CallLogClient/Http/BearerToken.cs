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

    public async ValueTask<IReadOnlyList<string>> ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await accessTokenProvider(cancellationToken).ConfigureAwait(false);
        if (!CredentialText.IsHeaderSafe(token))
        {
            throw new UnusableCredentialException(string.IsNullOrEmpty(token)
                ? "the access token provider returned no token; nothing was sent"
                : "the access token provider returned a token with white space, control or non-ASCII characters; nothing was sent");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return [token];
    }
}

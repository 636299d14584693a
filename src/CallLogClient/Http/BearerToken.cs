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
        Apply(request, token, "access token provider");
        return [token];
    }

    /// <summary>Puts <paramref name="token"/> in the Authorization header, or refuses to send what it cannot carry.</summary>
    /// <param name="request">The request.</param>
    /// <param name="token">The access token.</param>
    /// <param name="source">What gave the token, as the refusal names it.</param>
    public static void Apply(HttpRequestMessage request, string? token, string source)
    {
        if (!CredentialText.IsHeaderSafe(token))
        {
            throw new UnusableCredentialException(string.IsNullOrEmpty(token)
                ? $"the {source} returned no token; nothing was sent"
                : $"the {source} returned a token with white space, control or non-ASCII characters; nothing was sent");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}

using System.Net.Http.Headers;
using System.Text;
using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>
/// How the client proves who it is to Close: an API key (sent with HTTP Basic as the user name with an empty password,
/// never in the URL) or an OAuth access token (sent as a bearer token). The secret never appears in
/// <see cref="ToString"/>.
/// </summary>
public sealed class CloseCredential : IRequestCredential
{
    private readonly IRequestCredential? bearer;
    private readonly string? basicParameter;
    private readonly IReadOnlyList<string> secrets;

    private CloseCredential(string? apiKey, IRequestCredential? bearer)
    {
        basicParameter = apiKey is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":"));
        this.bearer = bearer;
        secrets = apiKey is null ? [] : [apiKey, basicParameter!];
    }

    /// <summary>An API key (Settings → Developer → API keys); sent as <c>Authorization: Basic base64("key:")</c>.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <returns>The credential.</returns>
    public static CloseCredential FromApiKey(string apiKey)
    {
        CredentialText.Require(apiKey, nameof(apiKey), "API key");
        if (apiKey.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("An API key has no colon; check what was pasted.", nameof(apiKey));
        }

        return new CloseCredential(apiKey, bearer: null);
    }

    /// <summary>A fixed OAuth access token.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <returns>The credential.</returns>
    public static CloseCredential FromAccessToken(string accessToken) =>
        new(apiKey: null, BearerToken.Fixed(accessToken, nameof(accessToken)));

    /// <summary>
    /// An OAuth access token fetched before every attempt, so a refreshed token is used at once (Close access tokens
    /// last an hour, and refresh tokens rotate).
    /// </summary>
    /// <param name="accessTokenProvider">Returns the current access token; called once per attempt.</param>
    /// <returns>The credential.</returns>
    public static CloseCredential FromAccessTokenProvider(Func<CancellationToken, ValueTask<string>> accessTokenProvider)
    {
        ArgumentNullException.ThrowIfNull(accessTokenProvider);
        return new CloseCredential(apiKey: null, new BearerToken(accessTokenProvider));
    }

    /// <summary>
    /// An OAuth access token read before every attempt, with a refresh callback: when Close answers 401, the client
    /// calls <paramref name="refresh"/> once (concurrent calls refused together share one refresh) and sends that
    /// attempt once more with the token it returns. A second 401 fails the call with
    /// <see cref="Errors.CallLogAuthenticationException"/>; it never loops. A create is sent at most twice this way:
    /// a 401 means it was refused before it was processed.
    /// </summary>
    /// <param name="accessToken">Returns the current access token; called once per attempt.</param>
    /// <param name="refresh">
    /// Refreshes the token (at the provider's token endpoint, storing the new refresh token) and returns the new access
    /// token; <paramref name="accessToken"/> should return it from then on. Called without a cancellation token, since
    /// calls share it; if it throws, the call fails with the 401.
    /// </param>
    /// <returns>The credential.</returns>
    public static CloseCredential FromOAuth(
        Func<CancellationToken, ValueTask<string>> accessToken, Func<CancellationToken, ValueTask<string>> refresh)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        ArgumentNullException.ThrowIfNull(refresh);
        return new CloseCredential(apiKey: null, new RefreshingBearerToken(accessToken, refresh));
    }

    /// <summary>Names the kind of credential, never its secret.</summary>
    /// <returns><c>CloseCredential(ApiKey)</c> or <c>CloseCredential(OAuth)</c>.</returns>
    public override string ToString() => basicParameter is null ? "CloseCredential(OAuth)" : "CloseCredential(ApiKey)";

    bool IRequestCredential.CanRefresh => bearer?.CanRefresh == true;

    ValueTask IRequestCredential.RefreshAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        bearer?.RefreshAsync(request, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask<IReadOnlyList<string>> IRequestCredential.ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (bearer is not null)
        {
            return bearer.ApplyAsync(request, cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basicParameter);
        return ValueTask.FromResult(secrets);
    }
}

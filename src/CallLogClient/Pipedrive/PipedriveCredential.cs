using CallLogClient.Http;

namespace CallLogClient.Pipedrive;

/// <summary>
/// How the client proves who it is to Pipedrive: an API token (sent in the <c>x-api-token</c> header, never in the URL)
/// or an OAuth access token (sent as a bearer token). The secret never appears in <see cref="ToString"/>.
/// </summary>
public sealed class PipedriveCredential : IRequestCredential
{
    private const string ApiTokenHeader = "x-api-token";

    private readonly IRequestCredential? bearer;
    private readonly string? apiToken;
    private readonly IReadOnlyList<string> secrets;

    private PipedriveCredential(string? apiToken, IRequestCredential? bearer)
    {
        this.apiToken = apiToken;
        this.bearer = bearer;
        secrets = apiToken is null ? [] : [apiToken];
    }

    /// <summary>A personal or company API token.</summary>
    /// <param name="apiToken">The token from Pipedrive's personal preferences.</param>
    /// <returns>The credential.</returns>
    public static PipedriveCredential FromApiToken(string apiToken)
    {
        return new PipedriveCredential(CredentialText.Require(apiToken, nameof(apiToken), "API token"), bearer: null);
    }

    /// <summary>A fixed OAuth access token (scope <c>phone-integration</c>).</summary>
    /// <param name="accessToken">The access token.</param>
    /// <returns>The credential.</returns>
    public static PipedriveCredential FromAccessToken(string accessToken) =>
        new(apiToken: null, BearerToken.Fixed(accessToken, nameof(accessToken)));

    /// <summary>An OAuth access token fetched before every attempt, so a refreshed token is used at once.</summary>
    /// <param name="accessTokenProvider">Returns the current access token; called once per attempt.</param>
    /// <returns>The credential.</returns>
    public static PipedriveCredential FromAccessTokenProvider(Func<CancellationToken, ValueTask<string>> accessTokenProvider)
    {
        ArgumentNullException.ThrowIfNull(accessTokenProvider);
        return new PipedriveCredential(apiToken: null, new BearerToken(accessTokenProvider));
    }

    /// <summary>
    /// An OAuth access token read before every attempt, with a refresh callback: when Pipedrive answers 401, the client
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
    public static PipedriveCredential FromOAuth(
        Func<CancellationToken, ValueTask<string>> accessToken, Func<CancellationToken, ValueTask<string>> refresh)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        ArgumentNullException.ThrowIfNull(refresh);
        return new PipedriveCredential(apiToken: null, new RefreshingBearerToken(accessToken, refresh));
    }

    /// <summary>Names the kind of credential, never its secret.</summary>
    /// <returns><c>PipedriveCredential(ApiToken)</c> or <c>PipedriveCredential(OAuth)</c>.</returns>
    public override string ToString() => apiToken is null ? "PipedriveCredential(OAuth)" : "PipedriveCredential(ApiToken)";

    bool IRequestCredential.CanRefresh => bearer?.CanRefresh == true;

    ValueTask IRequestCredential.RefreshAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        bearer?.RefreshAsync(request, cancellationToken) ?? ValueTask.CompletedTask;

    ValueTask<IReadOnlyList<string>> IRequestCredential.ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (bearer is not null)
        {
            return bearer.ApplyAsync(request, cancellationToken);
        }

        request.Headers.Remove(ApiTokenHeader);
        request.Headers.TryAddWithoutValidation(ApiTokenHeader, apiToken);
        return ValueTask.FromResult(secrets);
    }
}

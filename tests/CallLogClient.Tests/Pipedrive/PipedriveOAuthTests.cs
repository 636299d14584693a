using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.WireMock;
using WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveOAuthTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private const string CallLogPath = "/v1/callLogs/c-oauth";
    private const string GetBody = """{"success":true,"data":{"id":"c-oauth"}}""";

    /// <summary>An access-token source that hands out a new token on every call, as a refreshing OAuth client would.</summary>
    private sealed class RotatingTokens
    {
        private int calls;

        public int Calls => calls;

        public ValueTask<string> NextAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult($"oauth-access-{Interlocked.Increment(ref calls)}");
    }

    private PipedriveCallLogsClient OAuthClient(PipedriveCredential credential, int maxRetries = 0) => CreateClient(options =>
    {
        options.Credential = credential;
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
    });

    private static void AssertBearer(IRequestMessage request, string token)
    {
        Assert.Equal($"Bearer {token}", request.Header("Authorization"));
        Assert.Null(request.Header("x-api-token"));
        Assert.DoesNotContain(token, request.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_access_token_goes_out_as_a_bearer_token()
    {
        StubJson("GET", CallLogPath, 200, GetBody);
        var client = OAuthClient(PipedriveCredential.FromAccessToken("oauth-fixed-token"));

        await client.GetAsync("c-oauth");

        AssertBearer(SingleRequest(), "oauth-fixed-token");
    }

    [Fact]
    public async Task A_rotated_token_is_picked_up_on_the_next_call()
    {
        StubJson("GET", CallLogPath, 200, GetBody);
        var tokens = new RotatingTokens();
        var client = OAuthClient(PipedriveCredential.FromAccessTokenProvider(tokens.NextAsync));

        await client.GetAsync("c-oauth");
        await client.GetAsync("c-oauth");

        var requests = Server.Requests();
        Assert.Equal(2, requests.Count);
        AssertBearer(requests[0], "oauth-access-1");
        AssertBearer(requests[1], "oauth-access-2");
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task The_token_provider_is_asked_on_every_attempt()
    {
        const string Scenario = "oauth-retry";
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath)).InScenario(Scenario).WillSetStateTo("up")
            .RespondWith(Json(503, PipedriveFixtures.Read("error-500-internal.json")));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath)).InScenario(Scenario).WhenStateIs("up").RespondWith(Json(200, GetBody));
        var tokens = new RotatingTokens();
        var client = OAuthClient(PipedriveCredential.FromAccessTokenProvider(tokens.NextAsync), maxRetries: 1);

        var callLog = await client.GetAsync("c-oauth");

        Assert.Equal("c-oauth", callLog.Id);
        var attempts = Server.Requests();
        Assert.Equal(2, attempts.Count);
        AssertBearer(attempts[0], "oauth-access-1");
        AssertBearer(attempts[1], "oauth-access-2");
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task A_refused_token_is_an_authentication_failure_that_does_not_show_it()
    {
        var body = PipedriveFixtures.Read("error-401-unauthorized.json");
        StubJson("GET", CallLogPath, 401, body);
        var client = OAuthClient(PipedriveCredential.FromAccessToken("oauth-expired-token"));

        var exception = await Assert.ThrowsAsync<CallLogAuthenticationException>(() => client.GetAsync("c-oauth"));

        Assert.Equal("unauthorized access", exception.ErrorMessage);
        Assert.DoesNotContain("oauth-expired-token", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("oauth-expired-token", exception.Details.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_token_from_the_provider_sends_nothing()
    {
        var client = OAuthClient(PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult("")));

        var exception = await Assert.ThrowsAsync<CallLogAuthenticationException>(() => client.GetAsync("c-oauth"));

        Assert.Null(exception.StatusCode);
        Assert.Equal(0, exception.Attempts);
        Assert.Equal(CallLogProvider.Pipedrive, exception.Provider);
        Assert.Contains("access token provider returned no token; nothing was sent", exception.Message, StringComparison.Ordinal);
        AssertNothingSent();
    }
}

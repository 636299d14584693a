using System.Net;
using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Http;
using CallLogClient.Pipedrive;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Testing;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Fleet;

/// <summary>OAuth with a refresh callback: a 401 refreshes once and sends once more, never loops, never creates twice.</summary>
public sealed class OAuthRefreshTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const string OldToken = TestSecrets.PipedriveAccessToken;
    private const string NewToken = "pdoauth-refreshed-7c1e";
    private const string UnauthorizedBody = """{"success":false,"error":"unauthorized access","errorCode":401}""";

    /// <summary>A token store as an integrator keeps one: the access token, and a refresh that replaces it.</summary>
    private sealed class TokenStore(string current, string next, Func<Task>? duringRefresh = null)
    {
        private int refreshes;

        public string Current { get; private set; } = current;

        public int Refreshes => refreshes;

        public ValueTask<string> AccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);

        public async ValueTask<string> RefreshAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref refreshes);
            if (duringRefresh is not null)
            {
                await duringRefresh();
            }

            Current = next;
            return next;
        }
    }

    private void StubByToken(string method, string path, int refusedStatus, string refusedBody, int acceptedStatus, string acceptedBody)
    {
        Server.Given(Request.Create().UsingMethod(method).WithPath(path).WithHeader("Authorization", "Bearer " + NewToken))
            .AtPriority(1).RespondWith(Json(acceptedStatus, acceptedBody));
        Server.Given(Request.Create().UsingMethod(method).WithPath(path)).AtPriority(2).RespondWith(Json(refusedStatus, refusedBody));
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_the_call_succeeds_on_its_second_attempt()
    {
        StubByToken("GET", CallLogPath("1"), 401, UnauthorizedBody, 200, CallLogBody("1"));
        var store = new TokenStore(OldToken, NewToken);
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromOAuth(store.AccessTokenAsync, store.RefreshAsync));

        var response = await client.GetWithResponseAsync("1");

        Assert.Equal("1", response.Value.Id);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, store.Refreshes);
        Assert.Equal(["Bearer " + OldToken, "Bearer " + NewToken], Server.Requests().Select(r => r.Header("Authorization")));
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Information
            && l.Message.Contains("the access token was refused (HTTP 401); refreshed it, sending attempt 2", StringComparison.Ordinal));
        await client.GetAsync("1"); // the store now hands out the new token: no further refresh
        Assert.Equal(1, store.Refreshes);
        Assert.Equal("Bearer " + NewToken, Server.Requests()[^1].Header("Authorization"));
    }

    [Fact]
    public async Task A_create_answered_401_twice_is_sent_exactly_twice_and_fails_as_an_authentication_error()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(401, UnauthorizedBody));
        var store = new TokenStore(OldToken, NewToken);
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromOAuth(store.AccessTokenAsync, store.RefreshAsync));

        var exception = await Assert.ThrowsAsync<CallLogAuthenticationException>(() => client.CreateAsync(CreateRequest()));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, exception.Attempts);
        Assert.Equal(1, store.Refreshes);
        var posts = Server.Requests();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("POST", p.Method));
        Assert.Equal(["Bearer " + OldToken, "Bearer " + NewToken], posts.Select(r => r.Header("Authorization")));
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.DoesNotContain(NewToken, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_refused_once_is_created_once_with_the_refreshed_token()
    {
        StubByToken("POST", CallLogsPath, 401, UnauthorizedBody, 201, CallLogBody("c-9"));
        var store = new TokenStore(OldToken, NewToken);
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromOAuth(store.AccessTokenAsync, store.RefreshAsync));

        var created = await client.CreateAsync(CreateRequest());

        Assert.Equal("c-9", created.Id);
        Assert.Equal(1, Server.Requests().Count(r => r.Header("Authorization") == "Bearer " + NewToken));
        Assert.Equal(2, Server.Requests().Count);
    }

    [Fact]
    public async Task Calls_refused_together_share_one_refresh()
    {
        StubByToken("GET", CallLogPath("2"), 401, UnauthorizedBody, 200, CallLogBody("2"));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new TokenStore(OldToken, NewToken, () => release.Task);
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromOAuth(store.AccessTokenAsync, store.RefreshAsync));

        var calls = Enumerable.Range(0, 12).Select(_ => client.GetAsync("2")).ToArray();
        using (var guard = new CancellationTokenSource(ClockDriver.HangGuard))
        {
            while (Server.Requests().Count < calls.Length)
            {
                await Task.Delay(10, guard.Token);
            }
        }

        release.SetResult();
        await Task.WhenAll(calls).WaitAsync(ClockDriver.HangGuard);

        Assert.Equal(1, store.Refreshes);
        Assert.Equal(12, Server.Requests().Count(r => r.Header("Authorization") == "Bearer " + OldToken));
        Assert.Equal(12, Server.Requests().Count(r => r.Header("Authorization") == "Bearer " + NewToken));
    }

    [Fact]
    public async Task A_failing_refresh_leaves_the_401_as_the_answer_and_logs_no_detail_of_it()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("3"))).RespondWith(Json(401, UnauthorizedBody));
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromOAuth(
            _ => ValueTask.FromResult(OldToken),
            _ => throw new InvalidOperationException("refresh token revoked: rt-secret-991")));

        var exception = await Assert.ThrowsAsync<CallLogAuthenticationException>(() => client.GetAsync("3"));

        Assert.Equal(1, exception.Attempts);
        Assert.Single(Server.Requests());
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Warning
            && l.Message.Contains("refreshing it failed (InvalidOperationException)", StringComparison.Ordinal));
        Assert.DoesNotContain(Output.Logs, l => l.Message.Contains("rt-secret-991", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_be_rewound_is_not_sent_again_after_a_401()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogPath("4") + "/recordings")).RespondWith(Json(401, UnauthorizedBody));
        var store = new TokenStore(OldToken, NewToken);
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromOAuth(store.AccessTokenAsync, store.RefreshAsync));
        using var audio = new ForwardOnlyStream(new byte[64]);

        await Assert.ThrowsAsync<CallLogAuthenticationException>(() => client.AddRecordingAsync("4", audio, "call.mp3", "audio/mpeg"));

        Assert.Single(Server.Requests());
        Assert.Equal(0, store.Refreshes);
    }

    [Fact]
    public async Task A_Close_bearer_token_is_refreshed_the_same_way()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/api/v1/activity/call/acti_1/").WithHeader("Authorization", "Bearer " + NewToken))
            .AtPriority(1).RespondWith(Json(200, """{"id":"acti_1"}"""));
        Server.Given(Request.Create().UsingGet().WithPath("/api/v1/activity/call/acti_1/")).AtPriority(2)
            .RespondWith(Json(401, """{"error":"The server could not verify that you are authorized to access the URL requested."}"""));
        var store = new TokenStore(TestSecrets.CloseAccessToken, NewToken);
        var client = Close(o => o.Credential = CloseCredential.FromOAuth(store.AccessTokenAsync, store.RefreshAsync));

        var call = await client.GetAsync("acti_1");

        Assert.Equal("acti_1", call.Id);
        Assert.Equal(1, store.Refreshes);
        Assert.Equal(["Bearer " + TestSecrets.CloseAccessToken, "Bearer " + NewToken], Server.Requests().Select(r => r.Header("Authorization")));
    }

    [Fact]
    public void The_refresh_sits_between_the_retry_and_the_budget_only_for_a_refreshing_credential()
    {
        var options = new PipedriveClientOptions { RequestBudget = new RequestBudget { Tokens = 10 } };
        using var budget = new ClientBudget(options.RequestBudget, TimeProvider.System);

        var refreshing = CallResiliencePipeline.Build(options, PipedriveProtocol.Instance, budget,
            PipedriveCredential.FromOAuth(_ => ValueTask.FromResult("a"), _ => ValueTask.FromResult("b")), NullLogger.Instance);
        var plain = CallResiliencePipeline.Build(options, PipedriveProtocol.Instance, budget,
            PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult("a")), NullLogger.Instance);

        var strategies = refreshing.GetPipelineDescriptor().Strategies.Select(s => s.StrategyInstance.GetType().Name).ToList();
        Assert.Equal(1, strategies.IndexOf(nameof(TokenRefreshStrategy))); // right after the retry
        Assert.Equal(strategies.IndexOf(nameof(TokenRefreshStrategy)) + 1, strategies.IndexOf(nameof(BudgetStrategy)));
        Assert.DoesNotContain(plain.GetPipelineDescriptor().Strategies, s => s.StrategyInstance is TokenRefreshStrategy);
    }

    [Fact]
    public void Null_callbacks_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("accessToken", () => PipedriveCredential.FromOAuth(null!, _ => ValueTask.FromResult("t")));
        Assert.Throws<ArgumentNullException>("refresh", () => CloseCredential.FromOAuth(_ => ValueTask.FromResult("t"), null!));
        Assert.Equal("PipedriveCredential(OAuth)", PipedriveCredential.FromOAuth(_ => ValueTask.FromResult("t"), _ => ValueTask.FromResult("u")).ToString());
    }
}

using System.Net;
using CallLogClient.Errors;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.CloseStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// Close's hints (the <c>RateLimit</c> reset, possibly fractional; <c>Retry-After</c>; the deprecated 429 body's
/// <c>rate_reset</c>, nested or flat, number or string) and Close's methods: a PUT and a DELETE retry like a read, a
/// create only after a 429 or a connection never made.
/// </summary>
public sealed class CloseResilienceTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private static readonly DateTimeOffset Epoch = ManualTimeProvider.Epoch;

    [Fact]
    public async Task A_429_with_only_a_RateLimit_header_waits_its_fractional_reset()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallPath("acti_1")),
            Json(429, "", new Dictionary<string, string> { ["RateLimit"] = "limit=100, remaining=0, reset=0.4" }),
            Json(200, CallBody("acti_1"), new Dictionary<string, string> { ["RateLimit"] = "limit=100, remaining=99, reset=5" }));
        var driver = Driver();

        var response = await driver.RunAsync(Close().GetWithResponseAsync("acti_1"));

        Assert.Equal("acti_1", response.Value.Id);
        Assert.Equal([TimeSpan.FromSeconds(0.4)], driver.Waits);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(99, response.RateLimit!.Remaining);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(5), response.RateLimit.ResetsAt);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_1"))));
    }

    [Fact]
    public async Task The_precise_RateLimit_reset_is_preferred_to_the_rounded_up_Retry_After()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallPath("acti_2")),
            Json(429, "", new Dictionary<string, string> { ["RateLimit"] = "limit=100, remaining=0, reset=0.4", ["Retry-After"] = "1" }),
            Json(200, CallBody("acti_2")));
        var driver = Driver();

        await driver.RunAsync(Close().GetAsync("acti_2"));

        Assert.Equal([TimeSpan.FromSeconds(0.4)], driver.Waits);
    }

    /// <remarks>The wait is the reset rounded up to a whole millisecond, so the retry never lands before it.</remarks>
    [Theory]
    [InlineData("ratelimit-429-legacy-nested-loopline.json", 0.131)]
    [InlineData("ratelimit-429-legacy-flat-closex.json", 0.596)]
    public async Task A_legacy_429_body_alone_sets_the_wait_from_its_rate_reset(string example, double seconds)
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallPath("acti_3")),
            Json(429, LegacyRateLimitBody(example)),
            Json(200, CallBody("acti_3")));
        var driver = Driver();

        var response = await driver.RunAsync(Close().GetWithResponseAsync("acti_3"));

        Assert.Equal([TimeSpan.FromSeconds(seconds)], driver.Waits);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_3"))));
    }

    [Fact]
    public async Task The_flat_legacy_429_with_its_recorded_legacy_headers_reports_their_rate_limit_state()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_4"))).RespondWith(Json(
            status: 429,
            body: LegacyRateLimitBody("ratelimit-429-legacy-flat-closex.json").Replace("0.595956", "7200", StringComparison.Ordinal),
            headers: new Dictionary<string, string>
            {
                ["X-Rate-Limit-Limit"] = "320",
                ["X-Rate-Limit-Remaining"] = "0",
                ["X-Rate-Limit-Reset"] = "7200",
            }));

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Close().GetAsync("acti_4"));

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_4"))));
        Assert.Equal(Epoch.AddHours(2), error.ResetsAt);
        Assert.Equal(320, error.RateLimit!.Limit);
        Assert.Equal(0, error.RateLimit.Remaining);
        Assert.Equal("API call count exceeded for this period", error.ErrorMessage);
        Assert.Contains("The limit resets at 2030-01-01 02:00:00Z (in 2 h).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_RateLimit_reset_past_the_cap_fails_at_once_with_the_reset_time()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_5"))).RespondWith(Json(
            status: 429,
            headers: new Dictionary<string, string> { ["RateLimit"] = "limit=100, remaining=0, reset=90.5", ["Retry-After"] = "91" }));

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Close().GetAsync("acti_5"));

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_5"))));
        Assert.Equal(Epoch, Clock.GetUtcNow());
        Assert.Equal(Epoch.AddSeconds(90.5), error.ResetsAt);
        Assert.Contains("(in 1 min 30 s). The client did not wait: that is longer than RetryOptions.MaxServerDelay (1 min).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(500)]
    [InlineData(408)]
    public async Task A_PUT_is_retried_like_a_read_and_resends_the_same_partial_body(int status)
    {
        Server.GivenSequence(Request.Create().UsingPut().WithPath(CallPath("acti_6")), Json(status, ServerErrorBody), Json(200, CallBody("acti_6")));
        var driver = Driver();

        var response = await driver.RunAsync(Close().UpdateWithResponseAsync("acti_6", UpdateRequest()));

        Assert.Equal(2, response.Attempts);
        var puts = Server.Requests();
        Assert.Equal(2, puts.Count);
        Assert.Equal(puts[0].Body, puts[1].Body);
        Assert.Equal($$"""{"duration":90,"note":"{{TestSecrets.Note}}"}""", puts[1].Body);
    }

    [Theory]
    [MemberData(nameof(PipedriveFaultTests.Faults), MemberType = typeof(PipedriveFaultTests))]
    public async Task A_PUT_that_hits_a_fault_is_retried(TransportFault fault)
    {
        var host = FaultHost(RawAnswers.Fault(fault), RawAnswers.Json(200, CallBody("acti_7")));
        var driver = Driver();

        var response = await driver.RunAsync(CloseAt(host).UpdateWithResponseAsync("acti_7", UpdateRequest()));

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, host.Count("PUT", CallPath("acti_7")));
    }

    [Theory]
    [MemberData(nameof(PipedriveFaultTests.Faults), MemberType = typeof(PipedriveFaultTests))]
    public async Task A_create_that_hits_a_fault_is_sent_once_and_reports_an_unknown_outcome(TransportFault fault)
    {
        var host = FaultHost(RawAnswers.Fault(fault));
        var request = CreateRequest();

        var error = await Output.ThrowsAsync<CallLogOutcomeUnknownException>(CloseAt(host).CreateAsync(request));

        Assert.Equal(1, host.Count("POST", CallsPath));
        Assert.Same(request, error.Request);
        Assert.Equal(Epoch, error.SentAt);
        Assert.Equal(CallLogProvider.Close, error.Provider);
        Assert.StartsWith("Close POST /api/v1/activity/call/ failed before a response arrived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_answered_503_is_sent_once_and_reports_an_unknown_outcome()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallsPath)).RespondWith(Json(status: 503, body: ServerErrorBody));

        var error = await Output.ThrowsAsync<CallLogOutcomeUnknownException>(Close().CreateAsync(CreateRequest()));

        Assert.Equal(1, Server.Count(Request.Create().UsingPost().WithPath(CallsPath)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_create_is_retried_after_a_429_and_sent_with_the_same_body()
    {
        Server.GivenSequence(Request.Create().UsingPost().WithPath(CallsPath),
            Json(429, LegacyRateLimitBody("ratelimit-429-legacy-nested-loopline.json"),
                new Dictionary<string, string> { ["RateLimit"] = "limit=240, remaining=0, reset=0.25" }),
            Json(200, CallBody("acti_new")));
        var driver = Driver();

        var response = await driver.RunAsync(Close().CreateWithResponseAsync(CreateRequest()));

        Assert.Equal("acti_new", response.Value.Id);
        Assert.Equal([TimeSpan.FromSeconds(0.25)], driver.Waits);
        var posts = Server.Requests();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_and_whose_retry_finds_nothing_has_succeeded()
    {
        var host = FaultHost(RawAnswers.Fault(TransportFault.CloseBeforeResponse), RawAnswers.Json(404, NotFoundBody));
        var driver = Driver();

        var response = await driver.RunAsync(CloseAt(host).DeleteWithResponseAsync("acti_8"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, host.Count("DELETE", CallPath("acti_8")));
    }

    [Fact]
    public async Task A_delete_that_finds_nothing_at_once_throws_not_found()
    {
        Server.Given(Request.Create().UsingDelete().WithPath(CallPath("acti_9"))).RespondWith(Json(status: 404, body: NotFoundBody));

        await Output.ThrowsAsync<CallLogNotFoundException>(Close().DeleteAsync("acti_9"));

        Assert.Equal(1, Server.Count(Request.Create().UsingDelete().WithPath(CallPath("acti_9"))));
    }

    [Fact]
    public async Task A_list_page_reports_the_RateLimit_state_of_its_response()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallsPath)).RespondWith(Json(
            body: """{"data":[],"has_more":false}""",
            headers: new Dictionary<string, string> { ["RateLimit"] = "limit=100, remaining=50, reset=5" }));

        var response = await Close().ListPageWithResponseAsync();

        Assert.Equal(100, response.RateLimit!.Limit);
        Assert.Equal(50, response.RateLimit.Remaining);
        Assert.Equal(Epoch.AddSeconds(5), response.RateLimit.ResetsAt);
    }

    [Fact]
    public async Task Cancelling_during_a_RateLimit_wait_ends_the_call_at_once()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_10"))).RespondWith(Json(
            status: 429,
            headers: new Dictionary<string, string> { ["RateLimit"] = "limit=100, remaining=0, reset=0.4" }));
        using var cancellation = new CancellationTokenSource();
        var call = Close().GetAsync("acti_10", cancellationToken: cancellation.Token);

        Assert.Equal(TimeSpan.FromSeconds(0.4), await Driver().RunUntilWaitingAsync(call));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(ClockDriver.HangGuard));
        Assert.Equal(Epoch, Clock.GetUtcNow());
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_10"))));
    }

    [Fact]
    public async Task Each_Close_call_spends_one_token_of_the_budget()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_11"))).RespondWith(Json(body: CallBody("acti_11")));
        var client = Close(o => o.RequestBudget = new RequestBudget { Tokens = 3, Window = TimeSpan.FromSeconds(1) });

        await Task.WhenAll(client.GetAsync("acti_11"), client.GetAsync("acti_11"), client.GetAsync("acti_11"));
        var fourth = client.GetAsync("acti_11");
        using (var guard = new CancellationTokenSource(ClockDriver.HangGuard))
        {
            while (!Output.Logs.Any(l => l.EventId.Id == 5 && l.Message.Contains("waiting for 1 token(s)", StringComparison.Ordinal)))
            {
                await Task.Delay(5, guard.Token);
            }
        }

        Assert.Equal(3, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_11"))));
        Clock.Advance(TimeSpan.FromSeconds(1));
        await fourth.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal(4, Server.Count(Request.Create().UsingGet().WithPath(CallPath("acti_11"))));
    }
}

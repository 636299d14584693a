using System.Net;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// 429 and 503 answers with and without server hints: which waits the client schedules (read off the manual clock,
/// nothing sleeps), how many attempts reach the server, and what a hint past the cap turns into.
/// </summary>
public sealed class PipedriveServerHintTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private static readonly DateTimeOffset Epoch = ManualTimeProvider.Epoch;

    [Fact]
    public async Task A_429_with_Retry_After_1_is_retried_after_exactly_one_second()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("1")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "1" }),
            Json(200, CallLogBody("1")));
        var driver = Driver();

        var response = await driver.RunAsync(Pipedrive().GetWithResponseAsync("1"));

        Assert.Equal("1", response.Value.Id);
        Assert.Equal(2, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1)], driver.Waits);
        var journal = Server.Requests();
        Assert.Equal(2, journal.Count);
        Assert.All(journal, r => Assert.Equal(TestSecrets.PipedriveApiToken, r.Header("x-api-token")));
        Assert.Contains(Output.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Information
            && l.Message.Contains("attempt 1 failed (HTTP 429); retrying in 1000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_503_503_200_sequence_backs_off_twice_within_the_configured_bounds()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("2")), Json(503, ServerErrorBody), Json(503, ServerErrorBody), Json(200, CallLogBody("2")));
        var driver = Driver();

        var response = await driver.RunAsync(Pipedrive().GetWithResponseAsync("2"));

        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("2"))));
        Assert.Equal(2, driver.Waits.Count);
        Assert.All(driver.Waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), TestRetry().MaxDelay));
    }

    [Fact]
    public async Task A_429_with_only_x_ratelimit_reset_waits_that_many_seconds()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("3")),
            Json(429, """{"success":false,"error":"Rate limit exceeded"}""", RateLimitHeaders(remaining: 0, reset: "2")),
            Json(200, CallLogBody("3")));
        var driver = Driver();

        await driver.RunAsync(Pipedrive().GetAsync("3"));

        Assert.Equal([TimeSpan.FromSeconds(2)], driver.Waits);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("3"))));
    }

    [Fact]
    public async Task A_429_with_a_Retry_After_date_waits_until_that_date()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("4")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = HttpDate(Epoch.AddSeconds(3)) }),
            Json(200, CallLogBody("4")));
        var driver = Driver();

        await driver.RunAsync(Pipedrive().GetAsync("4"));

        Assert.Equal([TimeSpan.FromSeconds(3)], driver.Waits);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("4"))));
    }

    [Fact]
    public async Task Pipedrive_daily_budget_429_with_a_one_hour_hint_fails_at_once_saying_when_the_limit_resets()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("5"))).RespondWith(Json(
            status: 429,
            body: DailyBudgetBody,
            headers: new Dictionary<string, string> { ["retry-after"] = "3939", ["x-request-id"] = "req-daily" }));

        // The clock is never advanced: a scheduled sleep would hang the call, so its completion proves there was none.
        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Pipedrive().GetAsync("5"));

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("5"))));
        Assert.Equal(Epoch, Clock.GetUtcNow());
        Assert.DoesNotContain(TimeSpan.FromSeconds(3939), Clock.ScheduledOneShots);
        Assert.Equal(Epoch.AddSeconds(3939), error.ResetsAt);
        Assert.Equal(TimeSpan.FromSeconds(3939), error.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("daily request budget exceeded", error.ErrorMessage);
        Assert.Equal("429", error.ErrorCode);
        Assert.Equal("req-daily", error.RequestId);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("The limit resets at 2030-01-01 01:05:39Z (in 1 h 5 min).", error.Message, StringComparison.Ordinal);
        Assert.Contains("longer than RetryOptions.MaxServerDelay (1 min)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_whose_x_ratelimit_reset_is_past_the_cap_fails_at_once_with_the_reset_time()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("6"))).RespondWith(Json(
            status: 429,
            body: """{"success":false,"error":"Rate limit exceeded"}""",
            headers: RateLimitHeaders(remaining: 0, reset: "3600")));

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Pipedrive().GetAsync("6"));

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("6"))));
        Assert.Equal(Epoch.AddHours(1), error.ResetsAt);
        Assert.Equal(0, error.RateLimit!.Remaining);
        Assert.Equal(40, error.RateLimit.Limit);
        Assert.Equal(Epoch.AddHours(1), error.RateLimit.ResetsAt);
        Assert.Contains("The limit resets at 2030-01-01 01:00:00Z (in 1 h).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_whose_Retry_After_date_is_past_the_cap_fails_at_once_and_resets_at_that_exact_date()
    {
        var resetsAt = Epoch.AddHours(2).AddMinutes(30);
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("7"))).RespondWith(Json(
            status: 429,
            body: DailyBudgetBody,
            headers: new Dictionary<string, string> { ["Retry-After"] = HttpDate(resetsAt) }));

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Pipedrive().GetAsync("7"));

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("7"))));
        Assert.Equal(resetsAt, error.ResetsAt);
        Assert.Contains("2030-01-01 02:30:00Z (in 2 h 30 min)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cap_is_configurable()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("8")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "120" }),
            Json(200, CallLogBody("8")));
        var driver = Driver();

        await driver.RunAsync(Pipedrive(o => o.Retry.MaxServerDelay = TimeSpan.FromMinutes(5)).GetAsync("8"));

        Assert.Equal([TimeSpan.FromMinutes(2)], driver.Waits);
    }

    [Fact]
    public async Task A_hint_exactly_at_the_cap_is_waited_on()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("c1")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "2" }),
            Json(200, CallLogBody("c1")));
        var driver = Driver();

        var response = await driver.RunAsync(Pipedrive(o => o.Retry.MaxServerDelay = TimeSpan.FromSeconds(2)).GetWithResponseAsync("c1"));

        Assert.Equal(2, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(2)], driver.Waits);
    }

    [Fact]
    public async Task A_hint_one_tick_past_the_cap_is_refused()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("c2"))).RespondWith(
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "2" }));

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(
            Pipedrive(o => o.Retry.MaxServerDelay = TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1)).GetAsync("c2"));

        Assert.Equal(1, error.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Contains("longer than RetryOptions.MaxServerDelay", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("c2"))));
    }

    [Fact]
    public async Task A_hint_ending_exactly_at_the_overall_deadline_is_refused_and_one_ending_a_millisecond_before_it_is_waited_on()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("d1"))).RespondWith(
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "30" }));
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("d2")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "30" }),
            Json(200, CallLogBody("d2")));
        void Deadline(PipedriveClientOptions options, TimeSpan overall)
        {
            options.Retry.OverallTimeout = overall;
            options.Retry.AttemptTimeout = TimeSpan.FromHours(2); // past the deadline: only the deadline's own timer runs
        }

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(
            Pipedrive(o => Deadline(o, TimeSpan.FromSeconds(30))).GetAsync("d1").WaitAsync(ClockDriver.HangGuard));
        // Timeouts count whole milliseconds (CancellationTokenSource.CancelAfter), so a millisecond is the finest margin.
        var call = Pipedrive(o => Deadline(o, TimeSpan.FromMilliseconds(30_001))).GetWithResponseAsync("d2");
        var wait = await new ClockDriver(Clock) { Horizon = TimeSpan.FromSeconds(30) }.RunUntilWaitingAsync(call);
        Clock.Advance(wait);
        var response = await call.WaitAsync(ClockDriver.HangGuard);

        Assert.Contains("past the call's RetryOptions.OverallTimeout (30 s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("d1"))));
        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task A_hint_that_would_overrun_the_overall_timeout_is_not_slept_on()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("9"))).RespondWith(Json(
            status: 429,
            body: DailyBudgetBody,
            headers: new Dictionary<string, string> { ["Retry-After"] = "40" }));
        var client = Pipedrive(o =>
        {
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.Retry.OverallTimeout = TimeSpan.FromSeconds(30);
        });

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(client.GetAsync("9"));

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("9"))));
        Assert.Equal(Epoch.AddSeconds(40), error.ResetsAt);
        Assert.Contains("past the call's RetryOptions.OverallTimeout (30 s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_that_persists_ends_in_a_rate_limit_exception_after_every_retry()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("10"))).RespondWith(Json(
            status: 429,
            body: DailyBudgetBody,
            headers: new Dictionary<string, string> { ["Retry-After"] = "1" }));
        var driver = Driver();

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(driver.RunAsync(Pipedrive().GetAsync("10")));

        Assert.Equal(4, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("10"))));
        Assert.Equal(4, error.Attempts);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(1), 3), driver.Waits);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(1), error.ResetsAt);
        Assert.Contains("after 4 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_is_retried_after_a_429_because_the_429_proves_it_was_not_processed()
    {
        Server.GivenSequence(Request.Create().UsingPost().WithPath(CallLogsPath),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "1" }),
            Json(200, CallLogBody("new")));
        var driver = Driver();

        var response = await driver.RunAsync(Pipedrive().CreateWithResponseAsync(CreateRequest()));

        Assert.Equal("new", response.Value.Id);
        Assert.Equal(2, response.Attempts);
        var posts = Server.Requests();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Contains("\"subject\":\"resilience\"", posts[1].Body, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string?> Retried => new()
    {
        { "429 Retry-After: 1", 429, "1" },
        { "503 without a hint", 503, null },
        { "500", 500, null },
        { "502", 502, null },
        { "504", 504, null },
        { "408", 408, null },
    };

    [Theory]
    [MemberData(nameof(Retried))]
    public async Task Cancelling_during_the_backoff_wait_ends_the_call_at_once(string name, int status, string? retryAfter)
    {
        Assert.NotNull(name);
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("11"))).RespondWith(Json(
            status: status,
            body: ServerErrorBody,
            headers: retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter }));
        using var cancellation = new CancellationTokenSource();
        var call = Pipedrive().GetAsync("11", cancellation.Token);
        var wait = await Driver().RunUntilWaitingAsync(call);

        await cancellation.CancelAsync();

        // The clock stays put: only the cancellation can end the wait.
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(ClockDriver.HangGuard));
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(wait > TimeSpan.Zero);
        Assert.Equal(Epoch, Clock.GetUtcNow());
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("11"))));
    }

    private static Dictionary<string, string> RateLimitHeaders(int remaining, string reset) => new()
    {
        ["x-ratelimit-limit"] = "40",
        ["x-ratelimit-remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["x-ratelimit-reset"] = reset,
    };

    private static string HttpDate(DateTimeOffset at) => at.ToString("r", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Absurd_rate_limit_numbers_neither_fail_a_success_nor_escape_as_overflow()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("8"))).RespondWith(Json(
            body: CallLogBody("8"),
            headers: RateLimitHeaders(remaining: 5, reset: "1e15")));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("9"))).RespondWith(Json(
            status: 429,
            body: DailyBudgetBody,
            headers: new Dictionary<string, string> { ["Retry-After"] = "1e15" }));

        var response = await Pipedrive().GetWithResponseAsync("8");
        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Pipedrive().GetAsync("9"));

        Assert.Equal("8", response.Value.Id);
        Assert.Equal(TimeSpan.FromDays(365), response.RateLimit!.ResetAfter);
        Assert.Equal(TimeSpan.FromDays(365), error.RetryAfter);
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("9"))));
    }
}

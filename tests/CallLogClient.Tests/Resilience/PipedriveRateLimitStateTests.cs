using System.Globalization;
using System.Net;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>Every response's rate-limit headers reach the caller of that call, on success and failure, also under concurrency.</summary>
public sealed class PipedriveRateLimitStateTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    [Fact]
    public async Task A_list_page_reports_the_rate_limit_headers_of_its_response()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(
            body: PageBody,
            headers: new Dictionary<string, string>
            {
                ["x-ratelimit-limit"] = "40",
                ["x-ratelimit-remaining"] = "39",
                ["x-ratelimit-reset"] = "2",
                ["x-daily-requests-left"] = "9999",
                ["x-request-id"] = "req-page",
            }));

        var response = await Pipedrive().ListPageWithResponseAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-page", response.RequestId);
        Assert.Equal(1, response.Attempts);
        Assert.Empty(response.Value.Items);
        var limit = response.RateLimit!;
        Assert.Equal(40, limit.Limit);
        Assert.Equal(39, limit.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(2), limit.ResetAfter);
        Assert.Equal(ManualTimeProvider.Epoch.AddSeconds(2), limit.ResetsAt);
        Assert.Equal(9999, limit.DailyRequestsLeft);
    }

    [Fact]
    public async Task A_recording_upload_reports_the_rate_limit_headers_of_its_response()
    {
        Server.Given(Request.Create().UsingPost().WithPath("/v1/callLogs/rec9/recordings")).RespondWith(Json(
            body: DeletedBody,
            headers: new Dictionary<string, string> { ["x-ratelimit-remaining"] = "17", ["x-request-id"] = "req-upload" }));
        using var audio = new MemoryStream([1, 2, 3]);

        var response = await Pipedrive().AddRecordingWithResponseAsync("rec9", audio, "call.mp3", "audio/mpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-upload", response.RequestId);
        Assert.Equal(17, response.RateLimit!.Remaining);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task A_response_without_rate_limit_headers_reports_none()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("1"))).RespondWith(Json(body: CallLogBody("1")));

        var response = await Pipedrive().GetWithResponseAsync("1");

        Assert.Null(response.RateLimit);
    }

    [Fact]
    public async Task Concurrent_calls_each_see_the_rate_limit_state_of_their_own_response()
    {
        const int calls = 24;
        for (var i = 1; i <= calls; i++)
        {
            Server.Given(Request.Create().UsingGet().WithPath(CallLogPath($"c{i}"))).RespondWith(Json(
                200,
                CallLogBody($"c{i}"),
                new Dictionary<string, string>
                {
                    ["x-ratelimit-limit"] = "100",
                    ["x-ratelimit-remaining"] = i.ToString(CultureInfo.InvariantCulture),
                    ["x-ratelimit-reset"] = $"0.{i:00}",
                }).WithDelay(1 + ((calls - i) * 5))); // later calls answer first, so responses interleave
        }

        var client = Pipedrive();
        var responses = await Task.WhenAll(Enumerable.Range(1, calls).Select(i => client.GetWithResponseAsync($"c{i}")));

        for (var i = 1; i <= calls; i++)
        {
            var response = responses[i - 1];
            Assert.Equal($"c{i}", response.Value.Id);
            Assert.Equal(i, response.RateLimit!.Remaining);
            Assert.Equal(TimeSpan.FromSeconds(i / 100.0), response.RateLimit.ResetAfter);
        }

        Assert.Equal(calls, (Server.Requests()).Count);
    }

    [Fact]
    public async Task A_retried_call_reports_the_state_of_its_final_response_and_its_attempts()
    {
        Server.GivenSequence(Request.Create().UsingPost().WithPath(CallLogsPath),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = "1" }),
            Json(200, CallLogBody("made"), new Dictionary<string, string> { ["x-ratelimit-remaining"] = "38", ["x-daily-requests-left"] = "120" }));

        var response = await Driver().RunAsync(Pipedrive().CreateWithResponseAsync(CreateRequest()));

        Assert.Equal(2, response.Attempts);
        Assert.Equal(38, response.RateLimit!.Remaining);
        Assert.Equal(120, response.RateLimit.DailyRequestsLeft);
    }

    [Fact]
    public async Task A_failed_call_carries_the_rate_limit_state_of_its_response()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("gone"))).RespondWith(Json(
            status: 404,
            body: NotFoundBody,
            headers: new Dictionary<string, string> { ["x-ratelimit-remaining"] = "7", ["x-request-id"] = "req-404" }));

        var error = await Output.ThrowsAsync<CallLogNotFoundException>(Pipedrive().GetAsync("gone"));

        Assert.Equal(7, error.RateLimit!.Remaining);
        Assert.Equal("req-404", error.RequestId);
        Assert.Null(error.RetryAfter);
    }
}

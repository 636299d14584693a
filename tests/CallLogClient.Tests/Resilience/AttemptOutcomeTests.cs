using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// What one attempt leaves behind for the call: a lost answer counts as possibly processed across several attempts,
/// each failed attempt and each refused wait is logged, and a body that is not the expected JSON names where it broke.
/// </summary>
public sealed class AttemptOutcomeTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const int ServerDelayRefused = 6;
    private const int AttemptFailed = 7;

    [Fact]
    public async Task A_delete_whose_answers_broke_off_twice_and_then_finds_nothing_has_succeeded()
    {
        var host = FaultHost(
            RawAnswers.Fault(TransportFault.ResetMidBody),
            RawAnswers.Fault(TransportFault.CloseMidBody),
            RawAnswers.Json(410, NotFoundBody));

        var response = await Driver().RunAsync(PipedriveAt(host).DeleteWithResponseAsync("d1"));

        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, host.Count("DELETE", CallLogPath("d1")));
        var failures = Output.Logs.Where(l => l.EventId.Id == AttemptFailed).Select(l => l.Message).ToList();
        Assert.Equal(2, failures.Count);
        Assert.StartsWith("Pipedrive DELETE /v1/callLogs/d1: attempt 1 failed (", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Pipedrive DELETE /v1/callLogs/d1: attempt 2 failed (", failures[1], StringComparison.Ordinal);
        Output.AssertNoSecrets();
    }

    [Fact]
    public async Task A_wait_longer_than_the_cap_is_refused_with_a_log_line_naming_the_cap()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("w1")))
            .RespondWith(Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "3939" }));

        var error = await Output.ThrowsAsync<CallLogRateLimitException>(Driver().RunAsync(Pipedrive().GetAsync("w1")));

        Assert.Equal(1, error.Attempts);
        var refused = Assert.Single(Output.Logs, l => l.EventId.Id == ServerDelayRefused);
        Assert.Equal(LogLevel.Information, refused.Level);
        Assert.Equal(
            "Pipedrive GET /v1/callLogs/w1: the server asked to wait 3939000 ms, longer than RetryOptions.MaxServerDelay (1 min); not waiting",
            refused.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_the_expected_JSON_names_the_path_and_byte_where_it_broke()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("j1")))
            .RespondWith(Json(200, """{"success":true,"data":{"id":"j1","has_recording":"yes"}}"""));

        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(Pipedrive().GetAsync("j1"));

        Assert.Equal("The response body is not the expected JSON ($.data.has_recording, byte 55).", error.ErrorMessage);
        Assert.NotNull(error.Details.ResponseSnippet);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task An_error_without_a_body_has_no_snippet()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("e1"))).RespondWith(Json(404));

        var error = await Output.ThrowsAsync<CallLogNotFoundException>(Pipedrive().GetAsync("e1"));

        Assert.Null(error.Details.ResponseSnippet);
    }
}

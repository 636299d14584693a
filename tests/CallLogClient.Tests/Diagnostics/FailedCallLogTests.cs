using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Diagnostics;

/// <summary>
/// The one warning a failed call writes (event 4, CallFailed): provider, method, path without the query, attempts and
/// the kind of failure, as structured values and in the message; never a body, a header or a credential.
/// </summary>
public sealed class FailedCallLogTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const int CallFailed = 4;

    [Fact]
    public async Task A_call_failing_with_a_status_after_every_retry_logs_one_warning_naming_it()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("f1"))).RespondWith(Json(503, ServerErrorBody));

        await Output.ThrowsAsync<CallLogServiceUnavailableException>(Driver().RunAsync(Pipedrive().GetAsync("f1")));

        var log = Assert.Single(Output.Logs, l => l.EventId.Id == CallFailed);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Equal(PipedriveCallLogsClient.HttpClientName, log.Category);
        Assert.Equal("Pipedrive GET /v1/callLogs/f1 failed after 4 attempt(s): HTTP 503", log.Message);
        Assert.Equal( // the order of structured values is the logging source generator's business
            ["Attempts=4", "Failure=HTTP 503", "Method=GET", "Path=/v1/callLogs/f1", "Provider=Pipedrive"],
            log.Values.Where(v => !v.StartsWith("{OriginalFormat}", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rejected_create_logs_its_status_and_nothing_it_sent_or_the_server_echoed()
    {
        var echo = $$"""{"success":false,"error":"note {{TestSecrets.Note}} for {{TestSecrets.PhoneNumber}} refused"}""";
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(400, echo));

        await Output.ThrowsAsync<CallLogValidationException>(Pipedrive().CreateAsync(CreateRequest()));

        var log = Assert.Single(Output.Logs, l => l.EventId.Id == CallFailed);
        Assert.Equal("Pipedrive POST /v1/callLogs failed after 1 attempt(s): HTTP 400", log.Message);
        SecretScan.AssertAbsent(Output.Logs.SelectMany(l => l.Values.Prepend(l.Message)).Select(text => ("log", text)), TestSecrets.PersonalData);
    }

    [Fact]
    public async Task A_list_failing_on_the_network_logs_its_path_without_the_query_and_the_kind_of_failure()
    {
        using var port = new LoopbackPort();

        await Output.ThrowsAsync<CallLogTransportException>(
            Driver().RunAsync(Pipedrive(o => o.BaseAddress = new Uri(port.Uri, "v1/")).ListPageAsync(start: 100, limit: 7)));

        var log = Assert.Single(Output.Logs, l => l.EventId.Id == CallFailed);
        Assert.Equal("Pipedrive GET /v1/callLogs failed after 4 attempt(s): the connection could not be established", log.Message);
    }

    [Fact]
    public async Task A_call_whose_token_provider_gives_nothing_logs_that_no_attempt_was_sent()
    {
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult("")));

        await Output.ThrowsAsync<CallLogAuthenticationException>(client.GetAsync("f2"));

        var log = Assert.Single(Output.Logs, l => l.EventId.Id == CallFailed);
        Assert.Equal(
            "Pipedrive GET /v1/callLogs/f2 failed after 0 attempt(s): the access token provider returned no token; nothing was sent",
            log.Message);
        Assert.Empty(Server.Requests());
    }

    [Fact]
    public async Task A_success_whose_body_is_too_long_logs_the_body_problem()
    {
        var body = $$$"""{"success":true,"data":{"id":"f3","subject":"{{{new string('x', 2000)}}}"}}""";
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("f3"))).RespondWith(Json(200, body));

        await Output.ThrowsAsync<CallLogResponseFormatException>(Pipedrive(o => o.MaxResponseBodyBytes = 1024).GetAsync("f3"));

        var log = Assert.Single(Output.Logs, l => l.EventId.Id == CallFailed);
        Assert.Equal(
            "Pipedrive GET /v1/callLogs/f3 failed after 1 attempt(s): The response body is longer than the client reads (1,024 bytes, CallLogClientOptions.MaxResponseBodyBytes).",
            log.Message);
    }

    [Fact]
    public async Task A_successful_call_logs_no_failure()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("f4")), Json(503, ServerErrorBody), Json(200, CallLogBody("f4")));

        await Driver().RunAsync(Pipedrive().GetAsync("f4"));

        Assert.DoesNotContain(Output.Logs, l => l.EventId.Id == CallFailed);
        Assert.Contains(Output.Logs, l => l.EventId.Id == 3 && l.Level == LogLevel.Information);
    }
}

using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;
using CloseStubs = CallLogClient.Tests.Resilience.CloseStubs;

namespace CallLogClient.Tests.Observability;

/// <summary>
/// Under a run that retries and fails, with credentials, phone numbers, notes and query values on the wire and echoed
/// by the server, no span (the client's or HttpClient's), event or metric tag carries any of them.
/// </summary>
public sealed class TelemetryPrivacyTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const string LeadQueryValue = "lead_QueryValue7c1e9";

    private const string UserQueryValue = "user_QueryValue2b8d4";

    [Fact]
    public async Task No_credential_personal_value_or_query_value_reaches_a_tag_an_event_or_a_metric_tag()
    {
        var echo = $$"""{"success":false,"error":"note {{TestSecrets.Note}} for {{TestSecrets.PhoneNumber}} with {{TestSecrets.PipedriveApiToken}}"}""";
        Server.GivenSequence(
            Request.Create().UsingPost().WithPath(CallLogsPath),
            Json(429, echo, new Dictionary<string, string> { ["Retry-After"] = "2", ["x-request-id"] = "req-429" }),
            Json(503, echo, new Dictionary<string, string> { ["x-request-id"] = "req-503" }));
        Server.Given(Request.Create().UsingGet().WithPath(CloseStubs.CallsPath))
            .RespondWith(Json(503, $$"""{"error":"no calls for {{LeadQueryValue}} at {{TestSecrets.OtherPhoneNumber}}"}"""));
        Server.Given(Request.Create().UsingPost().WithPath(CloseStubs.CallsPath))
            .RespondWith(Json(502, $$"""{"error":"{{TestSecrets.Note}}"}"""));
        using var clients = new MeteredClients(WireMock.BaseUri, Clock, TestRetry());
        using var trace = new TraceCapture();

        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(Driver().RunAsync(clients.Pipedrive.CreateAsync(CreateRequest())));
        await Output.ThrowsAsync<CallLogServiceUnavailableException>(Driver().RunAsync(
            clients.Close.ListPageAsync(new CloseCallQuery { LeadIds = [LeadQueryValue], UserIds = [UserQueryValue] })));
        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(Driver().RunAsync(clients.Close.CreateAsync(CloseStubs.CreateRequest())));

        // The run did retry and fail, on the wire and in the telemetry, with the values in the requests.
        Assert.Equal(2 + 4 + 1, Server.Requests().Count);
        Assert.Contains(Server.Requests(), r => r.PathAndQuery().Contains(LeadQueryValue, StringComparison.Ordinal));
        Assert.Equal(3, trace.CallSpans.Count);
        Assert.Equal(7, trace.HttpSpans.Count);
        Assert.Equal(1 + 3, trace.CallSpans.Sum(s => s.Events.Count(e => e.Name == "calllogclient.retry")));
        Assert.Equal(4, clients.Retries.GetMeasurementSnapshot().Count);
        Assert.Equal("req-503", trace.CallSpans[0].GetTagItem("calllogclient.request_id"));
        Assert.All(trace.HttpSpans, http => Assert.NotNull(http.GetTagItem("url.full")));

        var texts = trace.Texts().Concat(clients.TagTexts()).ToList();
        Assert.True(texts.Count > 100, $"only {texts.Count} texts were scanned");
        SecretScan.AssertAbsent(texts, [.. TestSecrets.Credentials, .. TestSecrets.PersonalData, LeadQueryValue, UserQueryValue]);
    }
}

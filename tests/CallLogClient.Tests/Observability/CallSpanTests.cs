using System.Diagnostics;
using static System.FormattableString;
using CallLogClient.Close.Models;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;
using CloseStubs = CallLogClient.Tests.Resilience.CloseStubs;

namespace CallLogClient.Tests.Observability;

/// <summary>
/// The span of each public call: its name, kind, source, parent, semantic-convention tags, retry and server-hint events,
/// and the HttpClient span of each attempt nested under it.
/// </summary>
public sealed class CallSpanTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    [Fact]
    public async Task A_get_is_one_client_span_of_the_CallLogClient_source_with_its_tags_under_the_callers_span()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("t1"))).RespondWith(Json(200, CallLogBody("t1"), new Dictionary<string, string>
        {
            ["x-request-id"] = "req-t1",
            ["x-ratelimit-limit"] = "40",
            ["x-ratelimit-remaining"] = "37",
        }));
        using var trace = new TraceCapture();

        await Driver().RunAsync(Pipedrive().GetAsync("t1"));

        Assert.Same(trace.Root, Activity.Current); // the call's span is no longer current once it returned
        var span = Assert.Single(trace.CallSpans);
        Assert.Equal("pipedrive.call_logs.get", span.OperationName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("CallLogClient", span.Source.Name);
        Assert.Equal(typeof(PipedriveCallLogsClient).Assembly.GetName().Version!.ToString(3), span.Source.Version);
        Assert.Equal(trace.Root.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Empty(span.Events);
        AssertTags(
            span,
            ("calllogclient.provider", "pipedrive"),
            ("calllogclient.operation", "get"),
            ("http.request.method", "GET"),
            ("http.response.status_code", 200),
            ("calllogclient.attempts", 1),
            ("calllogclient.outcome_unknown", false),
            ("calllogclient.request_id", "req-t1"),
            ("server.address", "127.0.0.1"),
            ("server.port", WireMock.BaseUri.Port));
        Assert.Null(span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task The_HttpClient_span_of_every_attempt_is_a_child_of_the_call_span_and_the_retry_is_an_event()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("t2")), Json(503, ServerErrorBody), Json(200, CallLogBody("t2")));
        using var trace = new TraceCapture();
        var driver = Driver();

        await driver.RunAsync(Pipedrive().GetAsync("t2"));

        var span = Assert.Single(trace.CallSpans);
        Assert.Equal(2, trace.HttpSpans.Count);
        Assert.All(trace.HttpSpans, http =>
        {
            Assert.Equal(span.SpanId, http.ParentSpanId);
            Assert.Equal(ActivityKind.Client, http.Kind);
        });
        Assert.Equal([503, 200], trace.HttpSpans.Select(http => Convert.ToInt32(http.GetTagItem("http.response.status_code"), null)));
        Assert.Equal(2, span.GetTagItem("calllogclient.attempts"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));

        var retry = Assert.Single(span.Events);
        Assert.Equal("calllogclient.retry", retry.Name);
        var wait = Assert.Single(driver.Waits);
        Assert.Equal(
            "calllogclient.retry.attempt=1 calllogclient.retry.server_hint=False error.type=503 http.response.status_code=503",
            Describe(retry, except: "calllogclient.retry.delay"));
        var delay = TimeSpan.FromSeconds((double)retry.Tags.Single(t => t.Key == "calllogclient.retry.delay").Value!);
        Assert.Equal(wait, TimeSpan.FromMilliseconds(Math.Floor(delay.TotalMilliseconds))); // timers drop the sub-millisecond rest
    }

    [Fact]
    public async Task A_wait_the_server_asked_for_is_a_server_hint_event_after_the_retry_event()
    {
        Server.GivenSequence(
            Request.Create().UsingGet().WithPath(CallLogPath("t3")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "7" }),
            Json(200, CallLogBody("t3")));
        using var trace = new TraceCapture();
        var driver = Driver();

        await driver.RunAsync(Pipedrive().GetAsync("t3"));

        Assert.Equal([TimeSpan.FromSeconds(7)], driver.Waits);
        var span = Assert.Single(trace.CallSpans);
        Assert.Equal(["calllogclient.retry", "calllogclient.server_hint_wait"], span.Events.Select(e => e.Name));
        var retry = span.Events.First().Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(true, retry["calllogclient.retry.server_hint"]);
        Assert.Equal("429", retry["error.type"]);
        Assert.Equal(7.0, retry["calllogclient.retry.delay"]);
        Assert.Equal(7.0, Assert.Single(span.Events.Last().Tags, t => t.Key == "calllogclient.wait.duration").Value);
    }

    [Fact]
    public async Task A_server_hint_past_the_cap_is_a_refused_event_and_the_call_fails_with_its_error_type()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("t4")))
            .RespondWith(Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "3600" }));
        using var trace = new TraceCapture();

        await Output.ThrowsAsync<CallLogRateLimitException>(Driver().RunAsync(Pipedrive().GetAsync("t4")));

        var span = Assert.Single(trace.CallSpans);
        var refused = Assert.Single(span.Events);
        Assert.Equal("calllogclient.server_hint_refused", refused.Name);
        Assert.Equal(3600.0, Assert.Single(refused.Tags).Value);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        AssertTags(
            span,
            ("error.type", typeof(CallLogRateLimitException).FullName),
            ("http.response.status_code", 429),
            ("calllogclient.attempts", 1),
            ("calllogclient.outcome_unknown", false));
    }

    [Fact]
    public async Task A_create_answered_503_ends_its_span_with_the_outcome_unknown_flag_after_one_attempt()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(503, ServerErrorBody));
        using var trace = new TraceCapture();

        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(Driver().RunAsync(Pipedrive().CreateAsync(CreateRequest())));

        var span = Assert.Single(trace.CallSpans);
        Assert.Equal("pipedrive.call_logs.create", span.OperationName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Empty(span.Events); // a create is never sent again after a 5xx
        Assert.Equal(span.SpanId, Assert.Single(trace.HttpSpans).ParentSpanId);
        AssertTags(
            span,
            ("http.request.method", "POST"),
            ("calllogclient.outcome_unknown", true),
            ("error.type", typeof(CallLogOutcomeUnknownException).FullName),
            ("http.response.status_code", 503),
            ("calllogclient.attempts", 1));
    }

    [Fact]
    public async Task Every_Pipedrive_call_has_a_span_named_for_its_operation()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(200, PageBody));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("p1"))).RespondWith(Json(200, CallLogBody("p1")));
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(201, CallLogBody("p1")));
        Server.Given(Request.Create().UsingPost().WithPath(CallLogPath("p1") + "/recordings")).RespondWith(Json(200, DeletedBody));
        Server.Given(Request.Create().UsingDelete().WithPath(CallLogPath("p1"))).RespondWith(Json(200, DeletedBody));
        var client = Pipedrive();
        using var trace = new TraceCapture();

        await client.ListPageAsync();
        await client.GetAsync("p1");
        await client.CreateAsync(CreateRequest());
        using (var audio = new MemoryStream([1, 2, 3]))
        {
            await client.AddRecordingAsync("p1", audio, "call.mp3", "audio/mpeg");
        }

        await client.DeleteAsync("p1");

        Assert.Equal(
            [
                ("pipedrive.call_logs.list", "GET"), ("pipedrive.call_logs.get", "GET"), ("pipedrive.call_logs.create", "POST"),
                ("pipedrive.call_logs.attach_recording", "POST"), ("pipedrive.call_logs.delete", "DELETE"),
            ],
            trace.CallSpans.Select(s => (s.OperationName, (string)s.GetTagItem("http.request.method")!)));
        Assert.All(trace.CallSpans, span => Assert.Equal(trace.Root.SpanId, span.ParentSpanId));
        Assert.Equal(
            ["list", "get", "create", "attach_recording", "delete"], trace.CallSpans.Select(s => (string)s.GetTagItem("calllogclient.operation")!));
        Assert.Equal(5, trace.HttpSpans.Count(http => trace.CallSpans.Any(call => call.SpanId == http.ParentSpanId)));
    }

    [Fact]
    public async Task Every_Close_call_has_a_span_named_for_its_operation()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CloseStubs.CallsPath)).RespondWith(Json(200, """{"data":[],"has_more":false}"""));
        Server.Given(Request.Create().UsingGet().WithPath(CloseStubs.CallPath("c1"))).RespondWith(Json(200, CloseStubs.CallBody("c1")));
        Server.Given(Request.Create().UsingPost().WithPath(CloseStubs.CallsPath)).RespondWith(Json(200, CloseStubs.CallBody("c1")));
        Server.Given(Request.Create().UsingPut().WithPath(CloseStubs.CallPath("c1"))).RespondWith(Json(200, CloseStubs.CallBody("c1")));
        Server.Given(Request.Create().UsingDelete().WithPath(CloseStubs.CallPath("c1"))).RespondWith(Json(200, "{}"));
        var client = Close();
        using var trace = new TraceCapture();

        await client.ListPageAsync(new CloseCallQuery { LeadIds = ["lead_1"] });
        await client.GetAsync("c1");
        await client.CreateAsync(CloseStubs.CreateRequest());
        await client.UpdateAsync("c1", CloseStubs.UpdateRequest());
        await client.DeleteAsync("c1");

        Assert.Equal(
            [
                ("close.call_activities.list", "GET"), ("close.call_activities.get", "GET"), ("close.call_activities.create", "POST"),
                ("close.call_activities.update", "PUT"), ("close.call_activities.delete", "DELETE"),
            ],
            trace.CallSpans.Select(s => (s.OperationName, (string)s.GetTagItem("http.request.method")!)));
        Assert.All(trace.CallSpans, span =>
        {
            Assert.Equal("close", span.GetTagItem("calllogclient.provider"));
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        });
    }

    [Fact]
    public async Task Reading_every_page_makes_one_list_span_per_page()
    {
        Server.Given(Request.Create().UsingGet().WithPathAndQuery("/v1/callLogs?start=0&limit=1")).RespondWith(Json(200,
            """{"success":true,"data":[{"id":"a"}],"additional_data":{"pagination":{"start":0,"limit":1,"more_items_in_collection":true,"next_start":1}}}"""));
        Server.Given(Request.Create().UsingGet().WithPathAndQuery("/v1/callLogs?start=1&limit=1")).RespondWith(Json(200,
            """{"success":true,"data":[{"id":"b"}],"additional_data":{"pagination":{"start":1,"limit":1,"more_items_in_collection":false}}}"""));
        using var trace = new TraceCapture();

        // One page at a time: a page fetched ahead past the last would add a span of its own (it is a request too).
        var ids = await Pipedrive(o => o.PagesInFlight = 1).ListAllAsync(pageSize: 1).Select(c => c.Id).ToListAsync();

        Assert.Equal(["a", "b"], ids);
        Assert.Equal(["pipedrive.call_logs.list", "pipedrive.call_logs.list"], trace.CallSpans.Select(s => s.OperationName));
        Assert.All(trace.CallSpans, span => Assert.Equal(trace.Root.SpanId, span.ParentSpanId));
    }

    /// <summary>An event's tags as text, sorted by name.</summary>
    private static string Describe(ActivityEvent e, string? except = null) =>
        string.Join(" ", e.Tags.Where(t => t.Key != except).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Invariant($"{t.Key}={t.Value}")));

    private static void AssertTags(Activity span, params (string Key, object? Value)[] expected)
    {
        foreach (var (key, value) in expected)
        {
            Assert.True(Equals(value, span.GetTagItem(key)), $"tag {key}: expected {value}, got {span.GetTagItem(key) ?? "none"}");
        }
    }
}

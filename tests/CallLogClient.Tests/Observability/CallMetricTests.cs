using System.Diagnostics.Metrics;
using static System.FormattableString;
using CallLogClient.Diagnostics;
using CallLogClient.Errors;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;
using CloseStubs = CallLogClient.Tests.Resilience.CloseStubs;

namespace CallLogClient.Tests.Observability;

/// <summary>
/// The CallLogClient meter: values and tags of each instrument per operation, measured on the test's clock, and the meter
/// coming from the container's <see cref="IMeterFactory"/> (or one static meter for clients built without a container).
/// </summary>
public sealed class CallMetricTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    [Fact]
    public async Task Each_call_records_its_duration_by_provider_operation_and_outcome()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("m1")), Json(503, ServerErrorBody), Json(200, CallLogBody("m1")));
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(503, ServerErrorBody));
        Server.Given(Request.Create().UsingGet().WithPath(CloseStubs.CallPath("gone"))).RespondWith(Json(404, CloseStubs.NotFoundBody));
        using var clients = Metered();
        var driver = Driver();

        await driver.RunAsync(clients.Pipedrive.GetAsync("m1"));
        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(Driver().RunAsync(clients.Pipedrive.CreateAsync(CreateRequest())));
        await Output.ThrowsAsync<CallLogNotFoundException>(Driver().RunAsync(clients.Close.GetAsync("gone")));

        Assert.Equal("s", clients.CallDuration.Instrument!.Unit);
        Assert.Equal(
            [
                Invariant($"{Assert.Single(driver.Waits).TotalSeconds} calllogclient.operation=get calllogclient.outcome=success calllogclient.provider=pipedrive"),
                $"0 calllogclient.operation=create calllogclient.outcome=outcome_unknown calllogclient.provider=pipedrive error.type={typeof(CallLogOutcomeUnknownException).FullName}",
                $"0 calllogclient.operation=get calllogclient.outcome=failure calllogclient.provider=close error.type={typeof(CallLogNotFoundException).FullName}",
            ],
            clients.CallDuration.GetMeasurementSnapshot().Select(Describe)); // the get's duration is its backoff, on the test's clock
    }

    [Fact]
    public async Task Retries_429s_and_the_server_hinted_waits_are_counted_for_their_operation()
    {
        Server.GivenSequence(
            Request.Create().UsingGet().WithPath(CallLogPath("m2")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "3" }),
            Json(503, ServerErrorBody),
            Json(200, CallLogBody("m2")));
        using var clients = Metered();

        await Driver().RunAsync(clients.Pipedrive.GetAsync("m2"));

        Assert.Equal(
            [
                "1 calllogclient.operation=get calllogclient.provider=pipedrive error.type=429",
                "1 calllogclient.operation=get calllogclient.provider=pipedrive error.type=503",
            ],
            clients.Retries.GetMeasurementSnapshot().Select(Describe));
        Assert.Equal(["1 calllogclient.operation=get calllogclient.provider=pipedrive"], clients.RateLimitedResponses.GetMeasurementSnapshot().Select(Describe));
        Assert.Equal( // the backoff after the 503 is not a server hint
            ["3 calllogclient.operation=get calllogclient.provider=pipedrive"], clients.ServerHintWait.GetMeasurementSnapshot().Select(Describe));
    }

    [Fact]
    public async Task Pages_are_counted_where_each_page_is_read()
    {
        Server.Given(Request.Create().UsingGet().WithPathAndQuery("/v1/callLogs?start=0&limit=1")).RespondWith(Json(200,
            """{"success":true,"data":[{"id":"a"}],"additional_data":{"pagination":{"start":0,"limit":1,"more_items_in_collection":true,"next_start":1}}}"""));
        Server.Given(Request.Create().UsingGet().WithPathAndQuery("/v1/callLogs?start=1&limit=1")).RespondWith(Json(200,
            """{"success":true,"data":[{"id":"b"}],"additional_data":{"pagination":{"start":1,"limit":1,"more_items_in_collection":false}}}"""));
        Server.Given(Request.Create().UsingGet().WithPath(CloseStubs.CallsPath)).RespondWith(Json(200, """{"data":[],"has_more":false}"""));
        using var clients = Metered(o => o.PagesInFlight = 1); // a page fetched ahead past the last is a call too

        await clients.Pipedrive.ListAllAsync(pageSize: 1).ToListAsync();
        await clients.Close.ListPageAsync();

        Assert.Equal(
            [
                "1 calllogclient.operation=list calllogclient.provider=pipedrive",
                "1 calllogclient.operation=list calllogclient.provider=pipedrive",
                "1 calllogclient.operation=list calllogclient.provider=close",
            ],
            clients.Pages.GetMeasurementSnapshot().Select(Describe));
        Assert.Equal(3, clients.CallDuration.GetMeasurementSnapshot().Count(m => Equals(m.Tags["calllogclient.operation"], "list")));
    }

    [Fact]
    public async Task The_remaining_rate_limit_gauge_reports_the_last_headers_seen_per_provider_and_host()
    {
        Server.GivenSequence(
            Request.Create().UsingGet().WithPath(CallLogPath("m3")),
            Json(200, CallLogBody("m3"), new Dictionary<string, string> { ["x-ratelimit-limit"] = "40", ["x-ratelimit-remaining"] = "37" }),
            Json(200, CallLogBody("m3"), new Dictionary<string, string> { ["x-ratelimit-limit"] = "40", ["x-ratelimit-remaining"] = "35" }));
        Server.Given(Request.Create().UsingGet().WithPath(CloseStubs.CallPath("c3")))
            .RespondWith(Json(200, CloseStubs.CallBody("c3"), new Dictionary<string, string> { ["RateLimit"] = "limit=60, remaining=12, reset=3" }));
        using var clients = Metered();
        var where = Invariant($"server.address=127.0.0.1 server.port={WireMock.BaseUri.Port}");

        await clients.Pipedrive.GetAsync("m3");
        clients.RateLimitRemaining.RecordObservableInstruments();
        Assert.Equal([$"37 calllogclient.provider=pipedrive {where}"], clients.RateLimitRemaining.GetMeasurementSnapshot(clear: true).Select(Describe));

        await clients.Pipedrive.GetAsync("m3");
        await clients.Close.GetAsync("c3");
        clients.RateLimitRemaining.RecordObservableInstruments();

        Assert.Equal(
            [$"12 calllogclient.provider=close {where}", $"35 calllogclient.provider=pipedrive {where}"],
            clients.RateLimitRemaining.GetMeasurementSnapshot().Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Time_waiting_for_the_client_side_budget_is_recorded_on_the_operation_that_waited_and_as_a_span_event()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("m4"))).RespondWith(Json(200, CallLogBody("m4")));
        using var clients = Metered(o => o.RequestBudget = new RequestBudget { Tokens = 2, Window = TimeSpan.FromSeconds(10) });
        using var trace = new TraceCapture();

        await clients.Pipedrive.GetAsync("m4"); // a get costs 2 tokens: the whole window (no driver: it would run the window out)
        var second = clients.Pipedrive.GetAsync("m4");
        Assert.Equal(TimeSpan.FromSeconds(10), await Driver().RunUntilWaitingAsync(second));
        Clock.Advance(TimeSpan.FromSeconds(10));
        await second;

        Assert.Equal( // the first call did not wait
            ["10 calllogclient.operation=get calllogclient.provider=pipedrive"], clients.BudgetWait.GetMeasurementSnapshot().Select(Describe));
        Assert.Equal([0.0, 10.0], clients.CallDuration.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Empty(trace.CallSpans[0].Events);
        var wait = Assert.Single(trace.CallSpans[1].Events);
        Assert.Equal(("calllogclient.budget_wait", "calllogclient.wait.duration", (object?)10.0), (wait.Name, wait.Tags.Single().Key, wait.Tags.Single().Value));
    }

    [Fact]
    public async Task Each_container_measures_on_its_own_meter_from_its_IMeterFactory()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("m5"))).RespondWith(Json(200, CallLogBody("m5")));
        using var tenantA = Metered();
        using var tenantB = Metered();

        await tenantA.Pipedrive.GetAsync("m5");
        _ = tenantB.Pipedrive; // B's instruments exist too, on B's meter

        Assert.Single(tenantA.CallDuration.GetMeasurementSnapshot());
        Assert.Empty(tenantB.CallDuration.GetMeasurementSnapshot());
        var meterA = tenantA.CallDuration.Instrument!.Meter;
        var meterB = tenantB.CallDuration.Instrument!.Meter;
        Assert.NotSame(meterA, meterB);
        Assert.Equal(("CallLogClient", CallTelemetry.Version), (meterA.Name, meterA.Version));
        Assert.Same(tenantA.MeterFactory, meterA.Scope);
        Assert.NotSame(CallTelemetry.Shared.Meter, meterA);
        Assert.Equal(typeof(CallTelemetry).Assembly.GetName().Version!.ToString(3), CallTelemetry.Version);
    }

    [Fact]
    public async Task Clients_built_without_a_container_share_one_static_meter_named_CallLogClient()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("m6")))
            .RespondWith(Json(200, CallLogBody("m6"), new Dictionary<string, string> { ["x-ratelimit-remaining"] = "21" }));
        var meter = CallTelemetry.Shared.Meter;
        using var remaining = new MetricCollector<int>(meter, "calllogclient.rate_limit.remaining");

        await Pipedrive().GetAsync("m6");
        remaining.RecordObservableInstruments();

        Assert.Equal(("CallLogClient", CallTelemetry.Version, (object?)null), (meter.Name, meter.Version, meter.Scope));
        var ours = Assert.Single( // the other collections use other ports
            remaining.GetMeasurementSnapshot(),
            m => Equals(m.Tags["server.port"], WireMock.BaseUri.Port) && Equals(m.Tags["calllogclient.provider"], "pipedrive"));
        Assert.Equal(21, ours.Value);
    }

    private MeteredClients Metered(Action<CallLogClient.Pipedrive.PipedriveClientOptions>? pipedrive = null) =>
        new(WireMock.BaseUri, Clock, TestRetry(), pipedrive);

    /// <summary>A measurement as text: its value, then its tags sorted by name.</summary>
    private static string Describe<T>(CollectedMeasurement<T> measurement)
        where T : struct =>
        Invariant($"{measurement.Value} ") + string.Join(" ", measurement.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Invariant($"{t.Key}={t.Value}")));
}

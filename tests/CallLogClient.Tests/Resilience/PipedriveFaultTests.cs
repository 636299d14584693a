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
/// Broken connections, slow answers and a closed port: a read is retried; a create is retried only when it provably
/// never reached the server, and otherwise reaches the server once and reports an unknown outcome.
/// </summary>
public sealed class PipedriveFaultTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const string ResponseCutOff = "the connection closed before a complete response arrived";

    public static TheoryData<TransportFault> Faults =>
    [
        TransportFault.ResetBeforeResponse,
        TransportFault.CloseBeforeResponse,
        TransportFault.ResetMidBody,
        TransportFault.CloseMidBody,
        TransportFault.GarbageThenClose,
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_read_that_hits_a_fault_is_retried_and_succeeds(TransportFault fault)
    {
        var host = FaultHost(RawAnswers.Fault(fault), RawAnswers.Json(200, CallLogBody("1")));
        var driver = Driver();

        var response = await driver.RunAsync(PipedriveAt(host).GetWithResponseAsync("1"));

        Assert.Equal("1", response.Value.Id);
        Assert.Equal(2, host.Count("GET", CallLogPath("1")));
        var resentByTransport = fault == TransportFault.CloseBeforeResponse;
        Assert.Equal(resentByTransport ? 1 : 2, response.Attempts);
        Assert.Equal(resentByTransport ? 0 : 1, driver.Waits.Count);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_read_that_hits_the_fault_on_every_attempt_fails_with_a_transport_exception(TransportFault fault)
    {
        var host = FaultHost(RawAnswers.Fault(fault));
        var driver = Driver();

        var error = await Output.ThrowsAsync<CallLogTransportException>(driver.RunAsync(PipedriveAt(host).GetAsync("2")));

        Assert.Equal(4 * RequestsPerGetAttempt(fault), host.Count("GET", CallLogPath("2")));
        Assert.Equal(4, error.Attempts);
        Assert.Equal(3, driver.Waits.Count);
        Assert.Null(error.StatusCode);
        Assert.Contains(error.ErrorMessage, ExpectedDescriptions(fault));
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.StartsWith("Pipedrive GET /v1/callLogs/2 failed before a response arrived: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_delete_whose_answer_was_lost_and_whose_retry_finds_nothing_has_succeeded(TransportFault fault)
    {
        var host = FaultHost(RawAnswers.Fault(fault), RawAnswers.Json(404, NotFoundBody));
        var driver = Driver();

        var response = await driver.RunAsync(PipedriveAt(host).DeleteWithResponseAsync("5"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        var deletes = host.Requests;
        Assert.Equal(2, deletes.Count);
        Assert.All(deletes, d => Assert.Equal(("DELETE", CallLogPath("5"), "0"), (d.Method, d.Target, d.Headers["Content-Length"])));
    }

    [Theory]
    [InlineData(500, 404)]
    [InlineData(503, 410)]
    [InlineData(408, 404)]
    public async Task A_delete_answered_with_a_status_that_may_follow_processing_then_not_found_was_done_by_an_earlier_attempt(int failure, int notFound)
    {
        Server.GivenSequence(Request.Create().UsingDelete().WithPath(CallLogPath("8")),
            Json(failure, ServerErrorBody), Json(failure, ServerErrorBody), Json(notFound, NotFoundBody));
        var driver = Driver();

        var response = await driver.RunAsync(Pipedrive().DeleteWithResponseAsync("8"));

        Assert.Equal((HttpStatusCode)notFound, response.StatusCode);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(2, driver.Waits.Count);
        Assert.Equal(3, Server.Count(Request.Create().UsingDelete().WithPath(CallLogPath("8"))));
    }

    [Fact]
    public async Task A_delete_that_finds_nothing_on_its_first_attempt_throws_not_found()
    {
        Server.Given(Request.Create().UsingDelete().WithPath(CallLogPath("6"))).RespondWith(Json(status: 410, body: NotFoundBody));

        var error = await Output.ThrowsAsync<CallLogNotFoundException>(Pipedrive().DeleteAsync("6"));

        Assert.True(error.IsGone);
        Assert.Equal(1, Server.Count(Request.Create().UsingDelete().WithPath(CallLogPath("6"))));
    }

    [Fact]
    public async Task A_delete_that_finds_nothing_after_a_429_throws_not_found_because_the_429_proves_nothing_was_done()
    {
        Server.GivenSequence(Request.Create().UsingDelete().WithPath(CallLogPath("7")),
            Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "1" }),
            Json(404, NotFoundBody));
        var driver = Driver();

        var error = await Output.ThrowsAsync<CallLogNotFoundException>(driver.RunAsync(Pipedrive().DeleteAsync("7")));

        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, Server.Count(Request.Create().UsingDelete().WithPath(CallLogPath("7"))));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_create_that_hits_a_fault_is_sent_once_and_reports_an_unknown_outcome(TransportFault fault)
    {
        var host = FaultHost(RawAnswers.Fault(fault));
        var request = CreateRequest();

        var error = await Output.ThrowsAsync<CallLogOutcomeUnknownException>(PipedriveAt(host).CreateAsync(request));

        Assert.Equal(1, host.Count("POST", CallLogsPath));
        Assert.Same(request, error.Request);
        Assert.Equal(ManualTimeProvider.Epoch, error.SentAt);
        Assert.Equal(1, error.Attempts);
        Assert.Contains(error.ErrorMessage, ExpectedDescriptions(fault));
        Assert.Contains("may or may not have been created", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Clock.ScheduledOneShots, d => d < TestRetry().AttemptTimeout);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task A_create_answered_with_a_status_that_may_follow_processing_is_sent_once_and_reports_an_unknown_outcome(int status)
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(status: status, body: ServerErrorBody));

        var error = await Output.ThrowsAsync<CallLogOutcomeUnknownException>(Pipedrive().CreateAsync(CreateRequest()));

        Assert.Equal(1, Server.Count(Request.Create().UsingPost().WithPath(CallLogsPath)));
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("An internal server error occurred", error.ErrorMessage);
        Assert.Contains("may or may not have been created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_slower_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        var host = FaultHost(RawAnswers.Stall());
        var attemptTimeout = TimeSpan.FromMinutes(20);
        var call = PipedriveAt(host, o =>
        {
            o.Retry.MaxRetries = 1;
            o.Retry.AttemptTimeout = attemptTimeout;
        }).GetAsync("3");

        await WaitForRequestsAsync(host, 1);
        Clock.Advance(attemptTimeout);
        Clock.Advance(await Driver().RunUntilWaitingAsync(call));
        await WaitForRequestsAsync(host, 2);
        Clock.Advance(attemptTimeout);

        var error = await Output.ThrowsAsync<CallLogTransportException>(call);
        Assert.Equal(2, host.Count("GET", CallLogPath("3")));
        Assert.Equal(2, error.Attempts);
        Assert.Equal("no response within 20 min", error.ErrorMessage);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_create_slower_than_the_attempt_timeout_is_sent_once_and_reports_an_unknown_outcome()
    {
        var host = FaultHost(RawAnswers.Stall());
        var call = PipedriveAt(host).CreateAsync(CreateRequest());

        await WaitForRequestsAsync(host, 1);
        Clock.Advance(TestRetry().AttemptTimeout);

        var error = await Output.ThrowsAsync<CallLogOutcomeUnknownException>(call);
        Assert.Equal(1, host.Count("POST", CallLogsPath));
        Assert.Equal("no response within 30 min", error.ErrorMessage);
    }

    [Fact]
    public async Task The_overall_timeout_ends_a_call_whatever_attempt_it_is_in()
    {
        var host = FaultHost(RawAnswers.Stall());
        var call = PipedriveAt(host, o => o.Retry.OverallTimeout = TimeSpan.FromMinutes(10)).GetAsync("4");

        await WaitForRequestsAsync(host, 1);
        Clock.Advance(TimeSpan.FromMinutes(10));

        var error = await Output.ThrowsAsync<CallLogTransportException>(call);
        Assert.Equal(1, host.Count("GET", CallLogPath("4")));
        Assert.Equal("the call did not complete within its overall timeout (10 min)", error.ErrorMessage);
    }

    [Fact]
    public async Task A_create_whose_connection_was_refused_is_retried_and_reaches_the_server_once()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(200, CallLogBody("created")));
        using var port = new LoopbackPort();
        var call = Pipedrive(o => o.BaseAddress = new Uri(port.Uri, "v1/")).CreateWithResponseAsync(CreateRequest());
        var driver = Driver();

        var wait = await driver.RunUntilWaitingAsync(call);
        port.ForwardTo(WireMock.BaseUri);
        Clock.Advance(wait);
        var response = await driver.RunAsync(call);

        Assert.Equal("created", response.Value.Id);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, Server.Count(Request.Create().UsingPost().WithPath(CallLogsPath)));
        Assert.Contains(Output.Logs, l => l.Message.Contains("attempt 1 failed (the connection could not be established)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_at_a_closed_port_fails_after_every_retry_as_a_transport_failure_not_an_unknown_outcome()
    {
        using var port = new LoopbackPort();
        var driver = Driver();

        var error = await Output.ThrowsAsync<CallLogTransportException>(
            driver.RunAsync(Pipedrive(o => o.BaseAddress = new Uri(port.Uri, "v1/")).CreateAsync(CreateRequest())));

        Assert.Equal(4, error.Attempts);
        Assert.Equal(3, driver.Waits.Count);
        Assert.Equal("the connection could not be established", error.ErrorMessage);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        Assert.Equal(4, Output.Logs.Count(l => l.EventId.Id == 1));
    }

    [Fact]
    public async Task A_create_whose_TLS_handshake_fails_was_never_received_so_it_is_retried_and_fails_as_a_transport_failure()
    {
        // https:// to a port that speaks plain HTTP: the handshake gets an HTTP answer instead of a ServerHello.
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var connection = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                await connection.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), stop.Token);
            }
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var driver = Driver();

        var error = await Output.ThrowsAsync<CallLogTransportException>(
            driver.RunAsync(Pipedrive(o => o.BaseAddress = new Uri($"https://127.0.0.1:{port}/v1/")).CreateAsync(CreateRequest())));

        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, Volatile.Read(ref connections));
        Assert.Equal(3, driver.Waits.Count);
        Assert.Equal("the TLS connection could not be established", error.ErrorMessage);
        Assert.Equal(HttpRequestError.SecureConnectionError, Assert.IsType<HttpRequestException>(error.InnerException).HttpRequestError);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);
    }

    [Fact]
    public async Task A_create_whose_credential_cannot_be_read_sends_nothing_and_surfaces_the_callers_own_failure()
    {
        var client = Pipedrive(o => o.Credential = PipedriveCredential.FromAccessTokenProvider(
            _ => throw new InvalidOperationException("The token vault is offline.")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateAsync(CreateRequest()));

        Assert.Equal("The token vault is offline.", error.Message);
        Assert.Empty(Server.Requests());
        Assert.DoesNotContain(Output.Logs, l => l.EventId.Id == 3); // not retried
    }

    /// <summary>
    /// SocketsHttpHandler re-sends a body-less request (a GET) up to 3 times when the server closes without answering
    /// at all, before the pipeline sees the failure; it never does for a request with a body.
    /// </summary>
    private static int RequestsPerGetAttempt(TransportFault fault) => fault == TransportFault.CloseBeforeResponse ? 4 : 1;

    private static string[] ExpectedDescriptions(TransportFault fault) => fault switch
    {
        TransportFault.ResetBeforeResponse or TransportFault.ResetMidBody => ["the connection was reset"],
        TransportFault.GarbageThenClose => ["the server sent a response that is not valid HTTP"],
        _ => [ResponseCutOff],
    };
}

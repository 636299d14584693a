using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Resilience;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Secrets;

/// <summary>
/// Every path a call can take (success, retry, timeout, unknown outcome, rate limit, auth failure, error bodies that
/// echo what was sent, an unreadable 2xx), with each kind of credential, through dependency injection (with
/// IHttpClientFactory's own logging, off by default, brought back by AddDefaultLogger) and without it. The base class
/// then searches everything logged at Trace, every exception thrown and every URL sent for the credentials, and every
/// exception for phone numbers and notes.
/// </summary>
public sealed class PipedriveSecretLeakTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private volatile bool answerCreatesWith503;

    public static TheoryData<string> Credentials => ["api token", "access token", "access token provider"];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_through_dependency_injection(string credential)
    {
        var front = StubEveryPath();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Output));
        services.AddPipedriveCallLogs(o =>
        {
            o.Credential = Credential(credential);
            o.BaseAddress = new Uri(front.BaseUri, "v1/");
            o.TimeProvider = Clock;
            o.Retry = TestRetry();
            o.Retry.MaxRetries = 1;
        }).AddDefaultLogger(); // the factory's logging, off by default, logs every header at Trace: all redacted
        await using var provider = services.BuildServiceProvider();

        await RunEveryPathAsync(front, provider.GetRequiredService<IPipedriveCallLogsClient>());

        AssertCredentialWasSent(front, credential);
        Assert.Contains(Output.Logs, l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal)
            && l.Level == LogLevel.Trace && l.Message.Contains("Request Headers", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_without_dependency_injection(string credential)
    {
        var front = StubEveryPath();

        await RunEveryPathAsync(front, PipedriveAt(front, o =>
        {
            o.Credential = Credential(credential);
            o.Retry.MaxRetries = 1;
        }));

        AssertCredentialWasSent(front, credential);
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Warning);
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Information);
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task An_error_that_echoes_the_phone_numbers_and_note_sent_keeps_them_out_of_the_exception()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(
            status: 400,
            body: $$"""{"success":false,"error":"Cannot log {{TestSecrets.OtherPhoneNumber}} -> {{TestSecrets.PhoneNumber}}: note '{{TestSecrets.Note}}' rejected","error_info":"x"}"""));

        var error = await Output.ThrowsAsync<CallLogValidationException>(Pipedrive().CreateAsync(CreateRequest()));

        Assert.Equal("Cannot log *** -> ***: note '***' rejected", error.ErrorMessage);
        Assert.Contains("Cannot log *** -> ***: note '***' rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecrets.Note, error.Details.ResponseSnippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_success_body_full_of_personal_data_is_masked_in_the_snippet()
    {
        var callLog = CallLogBody("1");
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("1"))).RespondWith(Json(200, callLog[..^2] + ",\"broken\":}"));

        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(Pipedrive().GetAsync("1"));

        var snippet = error.Details.ResponseSnippet!;
        Assert.Contains("\"to_phone_number\":\"***\"", snippet, StringComparison.Ordinal);
        Assert.Contains("\"note\":\"***\"", snippet, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"1\"", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_and_options_never_print_their_secret()
    {
        var options = new PipedriveClientOptions { Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken) };
        SecretScan.AssertAbsent(
            [
                ("api token credential", PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken).ToString()),
                ("access token credential", PipedriveCredential.FromAccessToken(TestSecrets.PipedriveAccessToken).ToString()),
                ("options", options.ToString() ?? ""),
                ("options credential", options.Credential.ToString()),
            ],
            TestSecrets.Credentials);
    }

    [Fact]
    public void The_scan_finds_a_secret_wherever_it_hides()
    {
        var leak = $"Authorization: Basic {TestSecrets.CloseBasicCredential}";

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SecretScan.AssertAbsent([("a log line", leak)], TestSecrets.Credentials));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(
            () => SecretScan.AssertAbsent([("a message", $"x-api-token={TestSecrets.PipedriveApiToken.ToUpperInvariant()}")], TestSecrets.Credentials));
    }

    private static PipedriveCredential Credential(string kind) => kind switch
    {
        "api token" => PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken),
        "access token" => PipedriveCredential.FromAccessToken(TestSecrets.PipedriveAccessToken),
        _ => PipedriveCredential.FromAccessTokenProvider(_ => ValueTask.FromResult(TestSecrets.PipedriveAccessToken)),
    };

    /// <summary>Stubs every path on WireMock.Net; returns the fault host in front of it, which breaks the transport-fault paths.</summary>
    private RawHttpServer StubEveryPath()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("ok"))).RespondWith(Json(body: CallLogBody("ok"), headers: new Dictionary<string, string> { ["x-ratelimit-remaining"] = "5" }));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(body: CallLogBody("made")));
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("flaky")), Json(503, ServerErrorBody), Json(200, CallLogBody("flaky")));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("missing"))).RespondWith(Json(status: 404, body: NotFoundBody));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("denied"))).RespondWith(Json(
            status: 401,
            body: """{"success":false,"error":"unauthorized access","errorCode":401}"""));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("limited"))).RespondWith(Json(
            status: 429,
            body: DailyBudgetBody,
            headers: new Dictionary<string, string> { ["Retry-After"] = "3939" }));
        Server.Given(Request.Create().UsingDelete().WithPath(CallLogPath("gone"))).RespondWith(Json(404, NotFoundBody));

        var deletesOfGone = 0;
        return FaultHost((request, connection) =>
        {
            if (request.Method == "DELETE" && request.Path == CallLogPath("gone") && Interlocked.Increment(ref deletesOfGone) == 1)
            {
                return connection.FailAsync(TransportFault.CloseBeforeResponse);
            }

            if (request.Method == "POST" && request.Path == CallLogsPath && answerCreatesWith503)
            {
                return connection.RespondAsync(503, ServerErrorBody);
            }

            return request.Path switch
            {
                "/v1/callLogs/down" => connection.FailAsync(TransportFault.ResetBeforeResponse),
                "/v1/callLogs/slow" => connection.StallAsync(),
                "/v1/callLogs/ok/recordings" => connection.FailAsync(TransportFault.CloseMidBody),
                _ => connection.ForwardAsync(request, WireMock.BaseUri),
            };
        });
    }

    private async Task RunEveryPathAsync(RawHttpServer front, IPipedriveCallLogsClient client)
    {
        await client.GetAsync("ok");
        await client.ListPageAsync();
        await client.CreateAsync(CreateRequest());
        await Driver().RunAsync(client.GetAsync("flaky"));
        await Driver().RunAsync(client.DeleteAsync("gone"));
        await Output.ThrowsAsync<CallLogTransportException>(Driver().RunAsync(client.GetAsync("down")));
        await Output.ThrowsAsync<CallLogNotFoundException>(client.GetAsync("missing"));
        await Output.ThrowsAsync<CallLogAuthenticationException>(client.GetAsync("denied"));
        await Output.ThrowsAsync<CallLogRateLimitException>(client.GetAsync("limited"));
        using (var audio = new MemoryStream([1, 2, 3]))
        {
            await Output.ThrowsAsync<CallLogTransportException>(Driver().RunAsync(client.AddRecordingAsync("ok", audio, "a.mp3", "audio/mpeg")));
        }

        answerCreatesWith503 = true;
        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(client.CreateAsync(CreateRequest()));

        var before = front.Requests.Count;
        var slow = client.GetAsync("slow");
        await WaitForRequestsAsync(front, before + 1);
        Clock.Advance(TestRetry().AttemptTimeout);
        Clock.Advance(await Driver().RunUntilWaitingAsync(slow));
        await WaitForRequestsAsync(front, before + 2);
        Clock.Advance(TestRetry().AttemptTimeout);
        await Output.ThrowsAsync<CallLogTransportException>(slow);
    }

    private static void AssertCredentialWasSent(RawHttpServer front, string credential)
    {
        var journal = front.Requests;
        Assert.True(journal.Count >= 15, $"only {journal.Count} requests");
        Assert.All(journal, request =>
        {
            if (credential == "api token")
            {
                Assert.Equal(TestSecrets.PipedriveApiToken, request.Headers["x-api-token"]);
            }
            else
            {
                Assert.Equal($"Bearer {TestSecrets.PipedriveAccessToken}", request.Headers["Authorization"]);
            }
        });
    }
}

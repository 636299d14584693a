using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Resilience;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CallLogClient.Tests.Resilience.Answers;
using static CallLogClient.Tests.Resilience.PipedriveStubs;

namespace CallLogClient.Tests.Secrets;

/// <summary>
/// Every path a call can take (success, retry, timeout, unknown outcome, rate limit, auth failure, error bodies that
/// echo what was sent, an unreadable 2xx), with each kind of credential, through dependency injection (where
/// IHttpClientFactory adds its own logging) and without it. The base class then searches everything logged at Trace,
/// every exception thrown and every URL sent for the credentials, and every exception for phone numbers and notes.
/// </summary>
public sealed class PipedriveSecretLeakTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    public static TheoryData<string> Credentials => ["api token", "access token", "access token provider"];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_through_dependency_injection(string credential)
    {
        await StubEveryPathAsync();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Output));
        services.AddPipedriveCallLogs(o =>
        {
            o.Credential = Credential(credential);
            o.BaseAddress = PipedriveBase;
            o.TimeProvider = Clock;
            o.Retry = TestRetry();
            o.Retry.MaxRetries = 1;
        });
        await using var provider = services.BuildServiceProvider();

        await RunEveryPathAsync(provider.GetRequiredService<IPipedriveCallLogsClient>());

        await AssertCredentialWasSentAsync(credential);
        Assert.Contains(Output.Logs, l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal)
            && l.Level == LogLevel.Trace && l.Message.Contains("Request Headers", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_without_dependency_injection(string credential)
    {
        await StubEveryPathAsync();

        await RunEveryPathAsync(Pipedrive(o =>
        {
            o.Credential = Credential(credential);
            o.Retry.MaxRetries = 1;
        }));

        await AssertCredentialWasSentAsync(credential);
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Warning);
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Information);
        Assert.Contains(Output.Logs, l => l.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task An_error_that_echoes_the_phone_numbers_and_note_sent_keeps_them_out_of_the_exception()
    {
        await Admin.StubAsync(Stub.Post(CallLogsPath) with
        {
            Status = 400,
            JsonBody = $$"""{"success":false,"error":"Cannot log {{TestSecrets.OtherPhoneNumber}} -> {{TestSecrets.PhoneNumber}}: note '{{TestSecrets.Note}}' rejected","error_info":"x"}""",
        });

        var error = await Output.ThrowsAsync<CallLogValidationException>(Pipedrive().CreateAsync(CreateRequest()));

        Assert.Equal("Cannot log *** -> ***: note '***' rejected", error.ErrorMessage);
        Assert.Contains("Cannot log *** -> ***: note '***' rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSecrets.Note, error.Details.ResponseSnippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_success_body_full_of_personal_data_is_masked_in_the_snippet()
    {
        var callLog = CallLogBody("1");
        await Admin.StubAsync(Stub.Get(CallLogPath("1")) with { JsonBody = callLog[..^2] + ",\"broken\":}" });

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

    private async Task StubEveryPathAsync()
    {
        await Admin.StubAsync(Stub.Get(CallLogPath("ok")) with { JsonBody = CallLogBody("ok"), Headers = new Dictionary<string, string> { ["x-ratelimit-remaining"] = "5" } });
        await Admin.StubAsync(Stub.Get(CallLogsPath) with { JsonBody = PageBody });
        await Admin.StubAsync(Stub.Post(CallLogsPath) with { JsonBody = CallLogBody("made") });
        await Admin.StubSequenceAsync(Stub.Get(CallLogPath("flaky")), Json(503, ServerErrorBody), Json(200, CallLogBody("flaky")));
        await Admin.StubAsync(Stub.Get(CallLogPath("down")) with { Fault = WireMockFault.ConnectionResetByPeer });
        await Admin.StubAsync(Stub.Get(CallLogPath("slow")) with { JsonBody = CallLogBody("slow"), FixedDelayMilliseconds = 5000 });
        await Admin.StubAsync(Stub.Get(CallLogPath("missing")) with { Status = 404, JsonBody = NotFoundBody });
        await Admin.StubAsync(Stub.Get(CallLogPath("denied")) with
        {
            Status = 401,
            JsonBody = """{"success":false,"error":"unauthorized access","errorCode":401}""",
        });
        await Admin.StubAsync(Stub.Get(CallLogPath("limited")) with
        {
            Status = 429,
            JsonBody = DailyBudgetBody,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "3939" },
        });
        await Admin.StubSequenceAsync(Stub.Delete(CallLogPath("gone")), Fault(WireMockFault.EmptyResponse), Json(404, NotFoundBody));
        await Admin.StubAsync(Stub.Post(CallLogPath("ok") + "/recordings") with { Fault = WireMockFault.MalformedResponseChunk });
    }

    private async Task RunEveryPathAsync(IPipedriveCallLogsClient client)
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

        await Admin.ResetScenariosAsync();
        await Admin.StubAsync(Stub.Post(CallLogsPath) with { Status = 503, JsonBody = ServerErrorBody, Priority = 1 });
        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(client.CreateAsync(CreateRequest()));

        var before = (await Admin.GetRequestsAsync()).Count;
        var slow = client.GetAsync("slow");
        await WaitForRequestsAsync(before + 1);
        Clock.Advance(TestRetry().AttemptTimeout);
        Clock.Advance(await Driver().RunUntilWaitingAsync(slow));
        await WaitForRequestsAsync(before + 2);
        Clock.Advance(TestRetry().AttemptTimeout);
        await Output.ThrowsAsync<CallLogTransportException>(slow);
    }

    private async Task AssertCredentialWasSentAsync(string credential)
    {
        var journal = await Admin.GetRequestsAsync();
        Assert.True(journal.Count >= 15, $"only {journal.Count} requests");
        Assert.All(journal, request =>
        {
            if (credential == "api token")
            {
                Assert.Equal(TestSecrets.PipedriveApiToken, request.Header("x-api-token"));
            }
            else
            {
                Assert.Equal($"Bearer {TestSecrets.PipedriveAccessToken}", request.Header("Authorization"));
            }
        });
    }
}

using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CallLogClient.Tests.Resilience.Answers;
using static CallLogClient.Tests.Resilience.CloseStubs;

namespace CallLogClient.Tests.Secrets;

/// <summary>
/// The Close side of the leak sweep: the API key travels as HTTP Basic (<c>base64("key:")</c>), so both the raw key and
/// its encoded form are searched for, with OAuth tokens too, on every path, with and without dependency injection.
/// </summary>
public sealed class CloseSecretLeakTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    public static TheoryData<string> Credentials => ["api key", "access token", "access token provider"];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_through_dependency_injection(string credential)
    {
        await StubEveryPathAsync();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Output));
        services.AddCloseCallActivities(o =>
        {
            o.Credential = Credential(credential);
            o.BaseAddress = new Uri(WireMock.BaseUri, "api/v1/");
            o.TimeProvider = Clock;
            o.Retry = TestRetry();
            o.Retry.MaxRetries = 1;
        });
        await using var provider = services.BuildServiceProvider();

        await RunEveryPathAsync(provider.GetRequiredService<ICloseCallActivitiesClient>());

        await AssertCredentialWasSentAsync(credential);
        Assert.Contains(Output.Logs, l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal) && l.Level == LogLevel.Trace);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_without_dependency_injection(string credential)
    {
        await StubEveryPathAsync();

        await RunEveryPathAsync(Close(o =>
        {
            o.Credential = Credential(credential);
            o.Retry.MaxRetries = 1;
        }));

        await AssertCredentialWasSentAsync(credential);
    }

    [Fact]
    public async Task Field_errors_that_echo_the_phone_number_and_note_sent_keep_them_out_of_the_exception()
    {
        await Admin.StubAsync(Stub.Post(CallsPath) with
        {
            Status = 400,
            JsonBody = $$$"""{"errors":[],"field-errors":{"phone":"{{{TestSecrets.PhoneNumber}}} is not a valid number","note":"'{{{TestSecrets.Note}}}' is too long"}}""",
        });

        var error = await Output.ThrowsAsync<CallLogValidationException>(Close().CreateAsync(CreateRequest()));

        Assert.Equal("*** is not a valid number", error.FieldErrors["phone"]);
        Assert.Equal("'***' is too long", error.FieldErrors["note"]);
        Assert.Contains("[fields: phone, note]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_never_prints_its_secret() =>
        SecretScan.AssertAbsent(
            [
                ("api key credential", CloseCredential.FromApiKey(TestSecrets.CloseApiKey).ToString()),
                ("access token credential", CloseCredential.FromAccessToken(TestSecrets.CloseAccessToken).ToString()),
                ("options", new CloseClientOptions { Credential = CloseCredential.FromApiKey(TestSecrets.CloseApiKey) }.ToString() ?? ""),
            ],
            TestSecrets.Credentials);

    private static CloseCredential Credential(string kind) => kind switch
    {
        "api key" => CloseCredential.FromApiKey(TestSecrets.CloseApiKey),
        "access token" => CloseCredential.FromAccessToken(TestSecrets.CloseAccessToken),
        _ => CloseCredential.FromAccessTokenProvider(_ => ValueTask.FromResult(TestSecrets.CloseAccessToken)),
    };

    private async Task StubEveryPathAsync()
    {
        await Admin.StubAsync(Stub.Get(CallPath("acti_ok")) with { JsonBody = CallBody("acti_ok") });
        await Admin.StubAsync(Stub.Get(CallsPath) with { JsonBody = """{"data":[],"has_more":false}""" });
        await Admin.StubAsync(Stub.Post(CallsPath) with { JsonBody = CallBody("acti_new") });
        await Admin.StubSequenceAsync(Stub.Put(CallPath("acti_ok")), Json(503, ServerErrorBody), Json(200, CallBody("acti_ok")));
        await Admin.StubSequenceAsync(Stub.Delete(CallPath("acti_gone")), Fault(WireMockFault.ConnectionResetByPeer), Json(404, NotFoundBody));
        await Admin.StubAsync(Stub.Get(CallPath("acti_down")) with { Fault = WireMockFault.RandomDataThenClose });
        await Admin.StubAsync(Stub.Get(CallPath("acti_missing")) with { Status = 404, JsonBody = NotFoundBody });
        await Admin.StubAsync(Stub.Get(CallPath("acti_denied")) with
        {
            Status = 401,
            JsonBody = """{"error":"The server could not verify that you are authorized to access the URL requested."}""",
        });
        await Admin.StubAsync(Stub.Get(CallPath("acti_limited")) with
        {
            Status = 429,
            JsonBody = LegacyRateLimitBody("ratelimit-429-legacy-nested-loopline.json").Replace("0.130213", "900", StringComparison.Ordinal),
        });
        await Admin.StubAsync(Stub.Get(CallPath("acti_garbled")) with { JsonBody = CallBody("acti_garbled")[..^1] + ",}" });
    }

    private async Task RunEveryPathAsync(ICloseCallActivitiesClient client)
    {
        await client.GetAsync("acti_ok");
        await client.ListPageAsync();
        await client.CreateAsync(CreateRequest());
        await Driver().RunAsync(client.UpdateAsync("acti_ok", UpdateRequest()));
        await Driver().RunAsync(client.DeleteAsync("acti_gone"));
        await Output.ThrowsAsync<CallLogTransportException>(Driver().RunAsync(client.GetAsync("acti_down")));
        await Output.ThrowsAsync<CallLogNotFoundException>(client.GetAsync("acti_missing"));
        await Output.ThrowsAsync<CallLogAuthenticationException>(client.GetAsync("acti_denied"));
        await Output.ThrowsAsync<CallLogRateLimitException>(client.GetAsync("acti_limited"));
        await Output.ThrowsAsync<CallLogResponseFormatException>(client.GetAsync("acti_garbled"));

        await Admin.StubAsync(Stub.Post(CallsPath) with { Fault = WireMockFault.ConnectionResetByPeer, Priority = 1 });
        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(client.CreateAsync(CreateRequest()));
    }

    private async Task AssertCredentialWasSentAsync(string credential)
    {
        var journal = await Admin.GetRequestsAsync();
        Assert.True(journal.Count >= 12, $"only {journal.Count} requests");
        var expected = credential == "api key" ? $"Basic {TestSecrets.CloseBasicCredential}" : $"Bearer {TestSecrets.CloseAccessToken}";
        Assert.All(journal, request => Assert.Equal(expected, request.Header("Authorization")));
    }
}

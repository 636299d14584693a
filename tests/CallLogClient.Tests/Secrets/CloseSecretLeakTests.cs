using CallLogClient.Close;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.CloseStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Secrets;

/// <summary>
/// The Close side of the leak sweep: the API key travels as HTTP Basic (<c>base64("key:")</c>), so both the raw key and
/// its encoded form are searched for, with OAuth tokens too, on every path, with and without dependency injection.
/// </summary>
public sealed class CloseSecretLeakTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    public static TheoryData<string> Credentials => ["api key", "access token", "access token provider"];

    private volatile bool resetCreates;

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_through_dependency_injection(string credential)
    {
        var front = StubEveryPath();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Output));
        services.AddCloseCallActivities(o =>
        {
            o.Credential = Credential(credential);
            o.BaseAddress = new Uri(front.BaseUri, "api/v1/");
            o.TimeProvider = Clock;
            o.Retry = TestRetry();
            o.Retry.MaxRetries = 1;
        }).AddDefaultLogger(); // the factory's logging, off by default, logs every header at Trace: all redacted
        await using var provider = services.BuildServiceProvider();

        await RunEveryPathAsync(provider.GetRequiredService<ICloseCallActivitiesClient>());

        AssertCredentialWasSent(front, credential);
        Assert.Contains(Output.Logs, l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal) && l.Level == LogLevel.Trace);
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task No_credential_or_personal_data_leaks_on_any_path_without_dependency_injection(string credential)
    {
        var front = StubEveryPath();

        await RunEveryPathAsync(CloseAt(front, o =>
        {
            o.Credential = Credential(credential);
            o.Retry.MaxRetries = 1;
        }));

        AssertCredentialWasSent(front, credential);
    }

    [Fact]
    public async Task Field_errors_that_echo_the_phone_number_and_note_sent_keep_them_out_of_the_exception()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallsPath)).RespondWith(Json(
            status: 400,
            body: $$$"""{"errors":[],"field-errors":{"phone":"{{{TestSecrets.PhoneNumber}}} is not a valid number","note":"'{{{TestSecrets.Note}}}' is too long"}}"""));

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

    /// <summary>Stubs every path on WireMock.Net; returns the fault host in front of it, which breaks the transport-fault paths.</summary>
    private RawHttpServer StubEveryPath()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_ok"))).RespondWith(Json(body: CallBody("acti_ok")));
        Server.Given(Request.Create().UsingGet().WithPath(CallsPath)).RespondWith(Json(body: """{"data":[],"has_more":false}"""));
        Server.Given(Request.Create().UsingPost().WithPath(CallsPath)).RespondWith(Json(body: CallBody("acti_new")));
        Server.GivenSequence(Request.Create().UsingPut().WithPath(CallPath("acti_ok")), Json(503, ServerErrorBody), Json(200, CallBody("acti_ok")));
        Server.Given(Request.Create().UsingDelete().WithPath(CallPath("acti_gone"))).RespondWith(Json(404, NotFoundBody));
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_missing"))).RespondWith(Json(status: 404, body: NotFoundBody));
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_denied"))).RespondWith(Json(
            status: 401,
            body: """{"error":"The server could not verify that you are authorized to access the URL requested."}"""));
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_limited"))).RespondWith(Json(
            status: 429,
            body: LegacyRateLimitBody("ratelimit-429-legacy-nested-loopline.json").Replace("0.130213", "900", StringComparison.Ordinal)));
        Server.Given(Request.Create().UsingGet().WithPath(CallPath("acti_garbled"))).RespondWith(Json(200, CallBody("acti_garbled")[..^1] + ",}"));

        var deletesOfGone = 0;
        return FaultHost((request, connection) =>
        {
            if (request.Method == "DELETE" && request.Path == CallPath("acti_gone") && Interlocked.Increment(ref deletesOfGone) == 1)
            {
                return connection.FailAsync(TransportFault.ResetBeforeResponse);
            }

            if (request.Path == CallPath("acti_down") || (request.Method == "POST" && resetCreates))
            {
                return connection.FailAsync(request.Method == "POST" ? TransportFault.ResetBeforeResponse : TransportFault.GarbageThenClose);
            }

            return connection.ForwardAsync(request, WireMock.BaseUri);
        });
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

        resetCreates = true;
        await Output.ThrowsAsync<CallLogOutcomeUnknownException>(client.CreateAsync(CreateRequest()));
    }

    private static void AssertCredentialWasSent(RawHttpServer front, string credential)
    {
        var journal = front.Requests;
        Assert.True(journal.Count >= 12, $"only {journal.Count} requests");
        var expected = credential == "api key" ? $"Basic {TestSecrets.CloseBasicCredential}" : $"Bearer {TestSecrets.CloseAccessToken}";
        Assert.All(journal, request => Assert.Equal(expected, request.Headers["Authorization"]));
    }
}

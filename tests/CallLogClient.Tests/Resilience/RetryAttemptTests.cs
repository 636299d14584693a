using System.Net;
using System.Text;
using CallLogClient.Errors;
using CallLogClient.Http;
using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// What each attempt of a retried call is made of: the call's one message (re-sent by the resilience handler) carrying
/// its state, a response that is disposed once the next attempt replaces it, and a backoff wait drawn anew with jitter within the configured bounds.
/// </summary>
public sealed class RetryAttemptTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    [Fact]
    public async Task The_response_of_every_attempt_is_disposed_by_the_time_the_call_returns()
    {
        var transport = new ScriptedTransport(HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        await using var provider = Registration(transport);

        var response = await Driver().RunAsync(provider.GetRequiredService<IPipedriveCallLogsClient>().GetWithResponseAsync("1"));

        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, transport.Responses.Count);
        Assert.All(transport.Responses, r => Assert.True(r.Disposed, $"the {r.StatusCode} response was not disposed"));
    }

    [Fact]
    public async Task The_responses_of_a_call_that_fails_after_every_retry_are_all_disposed()
    {
        var transport = new ScriptedTransport(HttpStatusCode.BadGateway);
        await using var provider = Registration(transport);

        var error = await Output.ThrowsAsync<CallLogServiceUnavailableException>(
            Driver().RunAsync(provider.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("1")));

        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, transport.Responses.Count);
        Assert.All(transport.Responses, r => Assert.True(r.Disposed, $"the {r.StatusCode} response was not disposed"));
    }

    [Fact]
    public async Task Every_attempt_carries_the_calls_state_and_its_own_credential()
    {
        // The last answer echoes the token: masking it needs the secrets the attempt carried, recorded in the call's state.
        var transport = new ScriptedTransport(HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout, HttpStatusCode.BadRequest)
        {
            Body = request => $$"""{"success":false,"error":"token {{request.Headers.GetValues("x-api-token").Single()}} refused"}""",
        };
        await using var provider = Registration(transport);

        var error = await Output.ThrowsAsync<CallLogValidationException>(
            Driver().RunAsync(provider.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("1")));

        Assert.Equal(3, transport.Attempts.Count);
        var state = Assert.IsType<RequestState>(transport.Attempts[0].State);
        Assert.All(transport.Attempts, a => Assert.Same(state, a.State));
        Assert.All(transport.Attempts, a => Assert.Equal(TestSecrets.PipedriveApiToken, a.Token));
        Assert.Equal("token *** refused", error.ErrorMessage);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task Backoff_waits_are_jittered_and_stay_within_the_configured_bounds()
    {
        const int Calls = 6;
        var waits = new List<IReadOnlyList<TimeSpan>>();
        var client = Pipedrive();
        for (var i = 0; i < Calls; i++)
        {
            var id = $"j{i}";
            Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath(id)),
                Json(503, ServerErrorBody), Json(503, ServerErrorBody), Json(503, ServerErrorBody), Json(200, CallLogBody(id)));
            var driver = Driver();
            await driver.RunAsync(client.GetAsync(id));
            waits.Add(driver.Waits);
        }

        var retry = TestRetry();
        Assert.All(waits, w => Assert.Equal(3, w.Count));
        Assert.All(waits.SelectMany(w => w), wait => Assert.InRange(wait, TimeSpan.FromTicks(1), retry.MaxDelay));
        Assert.True(waits.Select(w => w[0]).Distinct().Count() > 1, "every call drew the same first wait: no jitter");
        Assert.True(waits.Select(w => w[1]).Distinct().Count() > 1, "every call drew the same second wait: no jitter");
        // Exponential with jitter: the first wait is below 1.4 × BaseDelay (Polly's decorrelated jitter keeps it there).
        Assert.All(waits, w => Assert.True(w[0] < retry.BaseDelay * 1.4, $"first wait {w[0]}"));
    }

    [Fact]
    public async Task No_backoff_wait_exceeds_MaxDelay_even_below_BaseDelay()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("m"))).RespondWith(Json(503, ServerErrorBody));
        var driver = Driver();

        await Output.ThrowsAsync<CallLogServiceUnavailableException>(driver.RunAsync(Pipedrive(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(20);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        }).GetAsync("m")));

        Assert.Equal(3, driver.Waits.Count);
        Assert.All(driver.Waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2)));
    }

    /// <summary>A registration whose transport is <paramref name="transport"/>, with the test clock and retry settings.</summary>
    private ServiceProvider Registration(ScriptedTransport transport)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Output.LoggerFactory);
        services.AddPipedriveCallLogs(o =>
            {
                o.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
                o.BaseAddress = PipedriveBase;
                o.TimeProvider = Clock;
                o.Retry = TestRetry();
            })
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }

    /// <summary>One attempt as the transport saw it.</summary>
    private sealed record Attempt(HttpRequestMessage Message, object? State, string? Token);

    /// <summary>
    /// Answers attempt i with status i (the last repeats) and a Pipedrive body, and records every attempt and every
    /// response it handed out, which notes when it is disposed.
    /// </summary>
    private sealed class ScriptedTransport(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public Func<HttpRequestMessage, string>? Body { get; init; }

        public List<Attempt> Attempts { get; } = [];

        public List<TrackedResponse> Responses { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ((IDictionary<string, object?>)request.Options).TryGetValue(RequestState.OptionKey, out var state);
            Attempts.Add(new Attempt(request, state, request.Headers.TryGetValues("x-api-token", out var token) ? token.Single() : null));
            var status = statuses[Math.Min(Responses.Count, statuses.Length - 1)];
            var body = status == HttpStatusCode.OK ? CallLogBody("1") : Body?.Invoke(request) ?? ServerErrorBody;
            var response = new TrackedResponse(status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
            Responses.Add(response);
            return Task.FromResult<HttpResponseMessage>(response);
        }
    }

    private sealed class TrackedResponse(HttpStatusCode status) : HttpResponseMessage(status)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}

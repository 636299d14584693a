using CallLogClient.Pipedrive;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Fleet;

/// <summary>
/// A client keeps the options it was built with: changing the options object afterwards (the retry settings read per
/// call, those read once, the budget, the address) changes nothing.
/// </summary>
public sealed class FrozenOptionsTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private void StubRateLimitedThenFound(string id) => Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath(id)),
        Json(429, DailyBudgetBody, new Dictionary<string, string> { ["Retry-After"] = "1" }),
        Json(200, CallLogBody(id)));

    /// <summary>Changes every setting the call below depends on, so that any of them read after building would show.</summary>
    private static void Tamper(PipedriveClientOptions options)
    {
        options.Retry.MaxServerDelay = TimeSpan.Zero;   // read on every call before the snapshot: a 429 would fail at once
        options.Retry.OverallTimeout = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 0;                   // read when the pipeline is built
        options.RequestBudget!.Tokens = 1;
        options.BaseAddress = new Uri("http://127.0.0.1:9/v1/");
        options.Credential = PipedriveCredential.FromApiToken("tampered-token-0");
        options.Retry = new RetryOptions { MaxRetries = 0 };
    }

    [Fact]
    public async Task A_standalone_client_ignores_changes_made_to_its_options_after_it_was_built()
    {
        StubRateLimitedThenFound("1");
        PipedriveClientOptions? options = null;
        var client = Pipedrive(o =>
        {
            o.RequestBudget = new RequestBudget { Tokens = 100 };
            options = o;
        });
        Tamper(options!);

        var response = await Driver().RunAsync(client.GetWithResponseAsync("1"));

        Assert.Equal(2, response.Attempts);
        var journal = Server.Requests();
        Assert.Equal(2, journal.Count);
        Assert.All(journal, r => Assert.Equal(TestSecrets.PipedriveApiToken, r.Header("x-api-token")));
    }

    [Fact]
    public async Task A_registered_client_keeps_the_options_it_was_built_with_even_before_its_first_call()
    {
        StubRateLimitedThenFound("2");
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs("acme", o =>
        {
            o.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
            o.BaseAddress = PipedriveBase;
            o.TimeProvider = Clock;
            o.Retry = TestRetry();
            o.RequestBudget = new RequestBudget { Tokens = 100 };
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IPipedriveCallLogsClient>("acme");

        // The handlers are built on the first call; before the snapshot they read the options object then.
        Tamper(provider.GetRequiredService<IOptionsMonitor<PipedriveClientOptions>>().Get("acme"));
        var response = await Driver().RunAsync(client.GetWithResponseAsync("2"));

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, Server.Requests().Count);
        Assert.All(Server.Requests(), r => Assert.Equal(TestSecrets.PipedriveApiToken, r.Header("x-api-token")));
    }

    [Fact]
    public void The_snapshot_copies_the_retry_settings_and_the_budget_but_shares_a_limiter()
    {
        using var limiter = new System.Threading.RateLimiting.ConcurrencyLimiter(new() { PermitLimit = 1, QueueLimit = 0 });
        var options = new PipedriveClientOptions { RequestBudget = new RequestBudget { Tokens = 5, Limiter = limiter } };

        var snapshot = options.Snapshot<PipedriveClientOptions>();

        Assert.NotSame(options.Retry, snapshot.Retry);
        Assert.NotSame(options.RequestBudget, snapshot.RequestBudget);
        Assert.Same(limiter, snapshot.RequestBudget!.Limiter);
        Assert.Equal(options.Retry.MaxServerDelay, snapshot.Retry.MaxServerDelay);
    }
}

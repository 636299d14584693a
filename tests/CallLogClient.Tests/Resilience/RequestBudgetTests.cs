using CallLogClient.Errors;
using CallLogClient.Http;
using CallLogClient.Pipedrive;
using CallLogClient.RateLimiting;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// The opt-in client-side budget: calls spend their Pipedrive token cost and wait (in order, cancellably) for the
/// window to allow them, instead of drawing 429s. The clock and the limiter's own counters show it; nothing is timed.
/// </summary>
public sealed class RequestBudgetTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Three_list_calls_on_a_20_token_budget_take_two_full_windows()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var (client, budget) = ClientWithBudget(tokens: 20);

        await client.ListPageAsync();
        Assert.Equal(0, budget.GetStatistics()!.CurrentAvailablePermits);

        var second = client.ListPageAsync();
        await WaitUntilQueuedAsync(budget, 20);
        Clock.Advance(Window - Tick);
        Assert.Equal(20, budget.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Clock.Advance(Tick);
        Assert.Equal(0, budget.GetStatistics()!.CurrentQueuedCount);
        await second.WaitAsync(ClockDriver.HangGuard);

        var third = client.ListPageAsync();
        await WaitUntilQueuedAsync(budget, 20);
        Clock.Advance(Window - Tick);
        Assert.Equal(20, budget.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Clock.Advance(Tick);
        await third.WaitAsync(ClockDriver.HangGuard);

        Assert.Equal(ManualTimeProvider.Epoch + (2 * Window), Clock.GetUtcNow());
        Assert.Equal(3, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Assert.Equal(2, Output.Logs.Count(l => l.EventId.Id == 5 && l.Message.Contains("waiting for 20 token(s)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_call_spends_its_documented_token_cost()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("1"))).RespondWith(Json(body: CallLogBody("1")));
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(body: CallLogBody("2")));
        Server.Given(Request.Create().UsingDelete().WithPath(CallLogPath("1"))).RespondWith(Json(body: DeletedBody));
        Server.Given(Request.Create().UsingPost().WithPath(CallLogPath("1") + "/recordings")).RespondWith(Json(body: DeletedBody));
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var (client, budget) = ClientWithBudget(tokens: 100);

        await client.GetAsync("1");
        Assert.Equal(98, budget.GetStatistics()!.CurrentAvailablePermits);
        await client.CreateAsync(CreateRequest());
        Assert.Equal(88, budget.GetStatistics()!.CurrentAvailablePermits);
        await client.DeleteAsync("1");
        Assert.Equal(82, budget.GetStatistics()!.CurrentAvailablePermits);
        using (var audio = new MemoryStream([1, 2, 3]))
        {
            await client.AddRecordingAsync("1", audio, "a.mp3", "audio/mpeg");
        }

        Assert.Equal(72, budget.GetStatistics()!.CurrentAvailablePermits);
        await client.ListPageAsync();
        Assert.Equal(52, budget.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Every_retry_attempt_spends_again()
    {
        Server.GivenSequence(Request.Create().UsingGet().WithPath(CallLogPath("1")), Json(503, ServerErrorBody), Json(200, CallLogBody("1")));
        var (client, budget) = ClientWithBudget(tokens: 100, window: TimeSpan.FromHours(1)); // beyond the driver's horizon

        var response = await Driver().RunAsync(client.GetWithResponseAsync("1"));

        Assert.Equal(2, response.Attempts);
        Assert.Equal(96, budget.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Ten_reads_fit_a_20_token_window_and_the_eleventh_waits()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogPath("1"))).RespondWith(Json(body: CallLogBody("1")));
        var (client, budget) = ClientWithBudget(tokens: 20);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync("1")));
        var eleventh = client.GetAsync("1");
        await WaitUntilQueuedAsync(budget, 2);

        Assert.Equal(10, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("1"))));
        Clock.Advance(Window);
        await eleventh.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal(11, Server.Count(Request.Create().UsingGet().WithPath(CallLogPath("1"))));
    }

    [Fact]
    public async Task Cancelling_a_call_that_waits_for_budget_ends_it_at_once_and_sends_nothing()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var (client, budget) = ClientWithBudget(tokens: 20);
        await client.ListPageAsync();
        using var cancellation = new CancellationTokenSource();

        var waiting = client.ListPageAsync(cancellationToken: cancellation.Token);
        await WaitUntilQueuedAsync(budget, 20);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(ClockDriver.HangGuard));
        Assert.Equal(0, budget.GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
    }

    [Fact]
    public async Task A_create_whose_overall_timeout_ends_while_it_waits_for_budget_was_not_sent_and_says_so()
    {
        Server.Given(Request.Create().UsingPost().WithPath(CallLogsPath)).RespondWith(Json(body: CallLogBody("1")));
        var (client, budget) = ClientWithBudget(tokens: 10, window: TimeSpan.FromMinutes(1), overallTimeout: TimeSpan.FromSeconds(10));
        await client.CreateAsync(CreateRequest("first"));

        var second = client.CreateAsync(CreateRequest("second"));
        await WaitUntilQueuedAsync(budget, 10);
        Clock.Advance(TimeSpan.FromSeconds(10));

        var error = await Output.ThrowsAsync<CallLogTransportException>(second);
        Assert.Equal(0, error.Attempts);
        Assert.Equal("the call did not complete within its overall timeout (10 s); nothing was sent", error.ErrorMessage);
        Assert.Equal(1, Server.Count(Request.Create().UsingPost().WithPath(CallLogsPath)));
    }

    [Fact]
    public async Task The_RequestBudget_option_limits_a_client_built_without_dependency_injection()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var client = Pipedrive(o => o.RequestBudget = new RequestBudget { Tokens = 20, Window = Window });

        await client.ListPageAsync();
        var second = client.ListPageAsync();
        await WaitForBudgetLogAsync(1);

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Clock.Advance(Window);
        await second.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
    }

    [Fact]
    public async Task The_RequestBudget_option_limits_a_client_from_dependency_injection()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Output));
        services.AddPipedriveCallLogs(o =>
        {
            o.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
            o.BaseAddress = PipedriveBase;
            o.TimeProvider = Clock;
            o.Retry = TestRetry();
            o.RequestBudget = new RequestBudget { Tokens = 20, Window = Window };
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPipedriveCallLogsClient>();

        await client.ListPageAsync();
        var second = client.ListPageAsync();
        await WaitForBudgetLogAsync(1);

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Clock.Advance(Window);
        await second.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
    }

    /// <summary>The chain dependency injection builds, over a budget the test can inspect.</summary>
    private (PipedriveCallLogsClient Client, ClientBudget Budget) ClientWithBudget(
        int tokens, TimeSpan? window = null, TimeSpan? overallTimeout = null)
    {
        var options = new PipedriveClientOptions
        {
            Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken),
            BaseAddress = PipedriveBase,
            TimeProvider = Clock,
            Retry = TestRetry(),
        };
        options.Retry.OverallTimeout = overallTimeout ?? options.Retry.OverallTimeout;
        var budget = new ClientBudget(new RequestBudget { Tokens = tokens, Window = window ?? Window }, Clock);
        var logger = Output.LoggerFactory.CreateLogger(PipedriveCallLogsClient.HttpClientName);
        var chain = HandlerChain.Create(
            options, PipedriveProtocol.Instance, options.Credential, budget, logger, new SocketsHttpHandler());
        var http = new HttpClient(chain) { BaseAddress = PipedriveBase };
        Track(http);
        Track(budget);
        return (new PipedriveCallLogsClient(options, () => http, logger), budget);
    }

    private static async Task WaitUntilQueuedAsync(ClientBudget budget, long permits)
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (budget.GetStatistics()!.CurrentQueuedCount != permits)
        {
            await Task.Delay(5, guard.Token);
        }
    }

    private async Task WaitForBudgetLogAsync(int count)
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (Output.Logs.Count(l => l.EventId.Id == 5) < count)
        {
            await Task.Delay(5, guard.Token);
        }
    }
}

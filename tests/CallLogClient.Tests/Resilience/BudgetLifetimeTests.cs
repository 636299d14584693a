using System.Collections.Concurrent;
using CallLogClient.Errors;
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
/// How long a <see cref="RequestBudget"/> lives: one per registration in dependency injection, across the handlers
/// IHttpClientFactory rotates; one per standalone client, gone with it.
/// </summary>
public sealed class BudgetLifetimeTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_budget_of_a_registration_is_one_across_the_handlers_the_factory_rotates()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var built = 0;
        var carriers = new ConcurrentQueue<HandlerMarker>();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Output));
        services.AddPipedriveCallLogs(o =>
            {
                o.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
                o.BaseAddress = PipedriveBase;
                o.TimeProvider = Clock;
                o.Retry = TestRetry();
                o.RequestBudget = new RequestBudget { Tokens = 20, Window = Window };
            })
            .SetHandlerLifetime(TimeSpan.FromSeconds(1)) // the shortest the factory allows
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref built);
                return new HandlerMarker(carriers);
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPipedriveCallLogsClient>();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        await client.ListPageAsync(); // spends the whole budget through the first handler chain
        using (var guard = new CancellationTokenSource(ClockDriver.HangGuard))
        {
            while (Volatile.Read(ref built) < 2) // the factory builds a new chain once the first has expired (real time)
            {
                await Task.Delay(100, guard.Token);
                using var _ = factory.CreateClient(PipedriveCallLogsClient.HttpClientName);
            }
        }

        var second = client.ListPageAsync();
        await WaitForBudgetLogAsync();

        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Clock.Advance(Window);
        await second.WaitAsync(ClockDriver.HangGuard);
        Assert.Equal(2, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
        Assert.Equal(2, carriers.Distinct().Count()); // the two calls went through two handler generations
    }

    [Fact]
    public async Task Disposing_a_standalone_client_disposes_its_budget_and_ends_its_waiters()
    {
        Server.Given(Request.Create().UsingGet().WithPath(CallLogsPath)).RespondWith(Json(body: PageBody));
        var client = Pipedrive(o => o.RequestBudget = new RequestBudget { Tokens = 20, Window = Window });
        await client.ListPageAsync();
        Assert.Equal(Window, Clock.NextOneShotWithin(TimeSpan.FromMinutes(1))); // the spend's give-back timer
        var waiting = client.ListPageAsync();
        await WaitForBudgetLogAsync();

        client.Dispose();

        var error = await Output.ThrowsAsync<CallLogTransportException>(waiting.WaitAsync(ClockDriver.HangGuard));
        Assert.Equal("the request was cancelled; nothing was sent", error.ErrorMessage);
        Assert.Equal(0, error.Attempts);
        Assert.Null(Clock.NextOneShotWithin(TimeSpan.FromMinutes(1))); // no timer outlives the client
        Assert.Equal(1, Server.Count(Request.Create().UsingGet().WithPath(CallLogsPath)));
    }

    private async Task WaitForBudgetLogAsync()
    {
        using var guard = new CancellationTokenSource(ClockDriver.HangGuard);
        while (!Output.Logs.Any(l => l.EventId.Id == 5))
        {
            await Task.Delay(5, guard.Token);
        }
    }

    /// <summary>Marks a handler chain the factory built, and records it for every request it carries.</summary>
    private sealed class HandlerMarker(ConcurrentQueue<HandlerMarker> carriers) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            carriers.Enqueue(this);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

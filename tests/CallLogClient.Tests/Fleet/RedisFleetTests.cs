using System.Threading.RateLimiting;
using CallLogClient.Pipedrive;
using CallLogClient.Redis;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WireMock.RequestBuilders;
using Xunit.Abstractions;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Fleet;

/// <summary>
/// One budget for a fleet, kept in a real Redis server: every spend it granted is read back from Redis and counted per
/// rolling window, and every get that reached the server is matched against the grants made before it.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class RedisFleetTests(WireMockFixture wireMock, ITestOutputHelper output) : WireTest(wireMock)
{
    private static string Key() => $"calllog-test:{Guid.NewGuid():N}";

    [RedisFact]
    public async Task The_Redis_limiter_weighs_each_acquisition_by_its_permits_and_says_how_long_to_wait()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.RequiredAddress);
        await using var otherProcess = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.RequiredAddress);
        var key = Key();
        using var limiter = new RedisRollingWindowLimiter(redis, key, permitLimit: 10, TimeSpan.FromSeconds(30));
        using var other = new RedisRollingWindowLimiter(otherProcess, key, permitLimit: 10, TimeSpan.FromSeconds(30));

        using var six = await limiter.AcquireAsync(6);
        using var sixMore = await other.AcquireAsync(6);
        using var four = await other.AcquireAsync(4);
        using var one = limiter.AttemptAcquire(1);

        Assert.True(six.IsAcquired);
        Assert.False(sixMore.IsAcquired);
        Assert.True(sixMore.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30)); // until the 6 leave the window
        Assert.True(four.IsAcquired);
        Assert.False(one.IsAcquired);
        Assert.Equal(0, other.GetStatistics()!.CurrentAvailablePermits);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await limiter.AcquireAsync(11));
        await redis.GetDatabase().KeyDeleteAsync(key);
    }

    [RedisFact]
    public async Task Two_service_providers_with_their_own_Redis_connections_spend_one_budget_per_window_and_send_nothing_unbudgeted()
    {
        const int Tokens = 20;          // 10 gets (2 tokens each) per window
        const int CallsPerProcess = 30; // 120 tokens in all: 6 budgets' worth
        var window = TimeSpan.FromMilliseconds(700);
        Server.Given(Request.Create().UsingGet().WithPath(new global::WireMock.Matchers.WildcardMatcher("/v1/callLogs/*")))
            .RespondWith(Json(200, CallLogBody("1")));
        var key = Key();

        async Task<ServiceProvider> ProcessAsync(string token)
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(RedisFactAttribute.RequiredAddress);
            var services = new ServiceCollection();
            services.AddSingleton<IConnectionMultiplexer>(redis); // disposed with the provider
            services.AddPipedriveCallLogs(o =>
            {
                o.Credential = PipedriveCredential.FromApiToken(token);
                o.BaseAddress = PipedriveBase;
                o.Retry.MaxRetries = 0;
                o.RequestBudget = RedisRequestBudget.Create(redis, key, Tokens, window);
            });
            var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IConnectionMultiplexer>();
            return provider;
        }

        await using var first = await ProcessAsync("fleet-worker-a");
        await using var second = await ProcessAsync("fleet-worker-b");
        using var grants = await RedisGrantLog.StartAsync(RedisFactAttribute.RequiredAddress, key);
        await first.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("warm-up-a"); // connections, handlers, JIT
        await second.GetRequiredService<IPipedriveCallLogsClient>().GetAsync("warm-up-b");
        Server.ResetLogEntries();
        await Task.WhenAll(
            RunAsync(first.GetRequiredService<IPipedriveCallLogsClient>(), "a"),
            RunAsync(second.GetRequiredService<IPipedriveCallLogsClient>(), "b"));
        var granted = grants.Stop();

        var arrivals = Server.Requests().Select(r => r.DateTime.ToUniversalTime()).Order().ToList();
        Assert.Equal(2 * CallsPerProcess, arrivals.Count);
        Assert.Equal(CallsPerProcess, Server.Requests().Count(r => r.Header("x-api-token") == "fleet-worker-a"));
        Assert.True(grants.LongestGap < window, $"the grant log went {grants.LongestGap} without reading, longer than the window: it may have missed spends");
        Assert.Equal(2 + (2 * CallsPerProcess), granted.Count); // the warm-ups, then one spend per get

        var grantTimes = granted.Select(g => g.At).ToList();
        var peak = PeakTokens(grantTimes, window);
        var span = arrivals[^1] - arrivals[0];
        var lags = arrivals.Zip(grantTimes.Skip(2), (arrival, grant) => (arrival - grant).TotalMilliseconds).Order().ToList();
        output.WriteLine($"{arrivals.Count} gets over {span.TotalMilliseconds:F0} ms; budget {Tokens} tokens per {window.TotalMilliseconds} ms");
        output.WriteLine($"granted: {granted.Count} spends, peak {peak} tokens in any {window.TotalMilliseconds} ms; clocks within {grants.ClockUncertainty.TotalMilliseconds:F3} ms");
        output.WriteLine($"k-th grant to k-th arrival: median {lags[lags.Count / 2]:F1} ms, max {lags[^1]:F1} ms");

        Assert.All(granted, g => Assert.Equal(2, g.Tokens));
        Assert.InRange(peak, Tokens - 2, Tokens); // the budget was used to the full, and never overspent
        Assert.True(span >= 5 * window, $"{span} is too short for 6 budgets' worth of calls");
        for (var k = 0; k < arrivals.Count; k++)
        {
            // Nothing reached the server unbudgeted: by each arrival, at least as many spends had been granted after the warm-ups.
            var grantedBefore = grantTimes.Count(t => t <= arrivals[k] + grants.ClockUncertainty) - 2;
            Assert.True(grantedBefore >= k + 1, $"get {k + 1} arrived at {arrivals[k]:HH:mm:ss.ffffff} with {grantedBefore} spends granted");
        }

        await first.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyDeleteAsync(key);

        static Task RunAsync(IPipedriveCallLogsClient client, string worker) =>
            Parallel.ForEachAsync(Enumerable.Range(0, CallsPerProcess), new ParallelOptions { MaxDegreeOfParallelism = 6 },
                async (i, token) => await client.GetAsync($"{worker}-{i}", token));
    }

    /// <summary>The most tokens (2 per get) within any span of <paramref name="window"/> that starts at one of <paramref name="times"/>.</summary>
    private static int PeakTokens(List<DateTime> times, TimeSpan window)
    {
        var peak = 0;
        var end = 0;
        for (var start = 0; start < times.Count; start++)
        {
            while (end < times.Count && times[end] - times[start] < window)
            {
                end++;
            }

            peak = Math.Max(peak, 2 * (end - start));
        }

        return peak;
    }
}

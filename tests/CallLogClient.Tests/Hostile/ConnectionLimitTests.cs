using CallLogClient.Pipedrive;
using CallLogClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Hostile;

/// <summary>A burst of concurrent calls opens a bounded number of connections.</summary>
public sealed class ConnectionLimitTests : HostileServerTest
{
    [Theory]
    [InlineData(null, 60, 20)]
    [InlineData(3, 12, 3)]
    public async Task Concurrent_calls_share_at_most_the_configured_connections(int? limit, int calls, int expectedMax)
    {
        var (server, peak) = SlowServer();
        var client = Pipedrive(server, options => options.MaxConnectionsPerServer = limit ?? options.MaxConnectionsPerServer);

        await Task.WhenAll(Enumerable.Range(0, calls).Select(i => client.GetAsync("c1")));

        Assert.Equal(calls, server.Requests.Count);
        Assert.Equal(expectedMax, peak());
    }

    [Fact]
    public async Task A_client_from_dependency_injection_is_bounded_too()
    {
        var (server, peak) = SlowServer();
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(options =>
        {
            options.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
            options.BaseAddress = new Uri(server.BaseUri, "v1/");
            options.MaxConnectionsPerServer = 2;
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPipedriveCallLogsClient>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetAsync("c1")));

        Assert.Equal(2, peak());
    }

    /// <summary>A server that holds each answer 150 ms and reports the most connections it ever had open at once.</summary>
    private (RawHttpServer Server, Func<int> Peak) SlowServer()
    {
        var open = 0;
        var peak = 0;
        var server = Serve(async (_, connection) =>
        {
            var now = Interlocked.Increment(ref open);
            InterlockedMax(ref peak, now);
            await Task.Delay(150);
            Interlocked.Decrement(ref open);
            await connection.RespondAsync(200, PipedriveOk);
        });
        return (server, () => Volatile.Read(ref peak));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}

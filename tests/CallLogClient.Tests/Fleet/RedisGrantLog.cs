using StackExchange.Redis;

namespace CallLogClient.Tests.Fleet;

/// <summary>
/// Every spend the Redis budget granted under one key, with its time on the Redis server's clock: read from the budget's
/// sorted set every few milliseconds on a thread of its own, well inside the window a spend stays in the set.
/// </summary>
internal sealed class RedisGrantLog : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    private readonly ConnectionMultiplexer redis;
    private readonly RedisKey key;
    private readonly Dictionary<string, long> seen = [];
    private readonly Thread poller;
    private volatile bool stopping;
    private Exception? failure;

    private RedisGrantLog(ConnectionMultiplexer redis, string key)
    {
        this.redis = redis;
        this.key = key;
        poller = new Thread(Poll) { IsBackground = true, Name = "Redis grant log" };
        poller.Start();
    }

    public static async Task<RedisGrantLog> StartAsync(string address, string key) =>
        new(await ConnectionMultiplexer.ConnectAsync(address), key);

    /// <summary>Stops reading, takes a last look, and returns the grants in the order Redis granted them.</summary>
    public List<(DateTime At, int Tokens)> Stop()
    {
        stopping = true;
        poller.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("Reading the budget's sorted set failed.", failure);
        }

        Read();
        return seen
            .OrderBy(spend => spend.Value)
            .Select(spend => (DateTime.UnixEpoch.AddTicks(spend.Value * 10), int.Parse(spend.Key.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    public void Dispose()
    {
        stopping = true;
        poller.Join();
        redis.Dispose();
    }

    private void Poll()
    {
        try
        {
            while (!stopping)
            {
                Read();
                Thread.Sleep(PollEvery);
            }
        }
        catch (RedisException exception)
        {
            failure = exception;
        }
    }

    private void Read()
    {
        foreach (var spend in redis.GetDatabase().SortedSetRangeByRankWithScores(key))
        {
            seen[spend.Element!] = (long)spend.Score;
        }
    }
}

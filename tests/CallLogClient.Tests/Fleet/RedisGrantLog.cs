using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace CallLogClient.Tests.Fleet;

/// <summary>
/// Every spend the Redis budget granted under one key, with its time: read from the budget's sorted set every few
/// milliseconds on a thread of its own (a spend stays in the set for a whole window), and moved from the Redis server's
/// clock to this machine's by the offset measured with <c>TIME</c> at the start.
/// </summary>
internal sealed class RedisGrantLog : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    private readonly ConnectionMultiplexer redis;
    private readonly RedisKey key;
    private readonly TimeSpan serverAhead;
    private readonly Dictionary<string, long> seen = [];
    private readonly Thread poller;
    private volatile bool stopping;
    private Exception? failure;
    private long lastRead = Stopwatch.GetTimestamp();

    private RedisGrantLog(ConnectionMultiplexer redis, string key, TimeSpan serverAhead, TimeSpan clockUncertainty)
    {
        this.redis = redis;
        this.key = key;
        this.serverAhead = serverAhead;
        ClockUncertainty = clockUncertainty;
        poller = new Thread(Poll) { IsBackground = true, Name = "Redis grant log" };
        poller.Start();
    }

    /// <summary>How far apart the two clocks may still be after the offset: half the round trip of the <c>TIME</c> call.</summary>
    public TimeSpan ClockUncertainty { get; }

    /// <summary>The longest time between two reads of the set; a spend older than the window may have left it unseen.</summary>
    public TimeSpan LongestGap { get; private set; }

    public static async Task<RedisGrantLog> StartAsync(string address, string key)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(address);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var (serverAhead, roundTrip) = (TimeSpan.Zero, TimeSpan.MaxValue);
        for (var sample = 0; sample < 10; sample++) // the quickest round trip bounds the offset best (the first pays for JIT)
        {
            var before = DateTime.UtcNow;
            var serverTime = await server.TimeAsync();
            var after = DateTime.UtcNow;
            if (after - before < roundTrip)
            {
                (serverAhead, roundTrip) = (serverTime - (before + ((after - before) / 2)), after - before);
            }
        }

        return new RedisGrantLog(redis, key, serverAhead, roundTrip / 2);
    }

    /// <summary>Stops reading, takes a last look, and returns the grants in the order Redis granted them, on this machine's clock.</summary>
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
            .Select(spend => (
                DateTime.UnixEpoch.AddTicks(spend.Value * 10) - serverAhead,
                int.Parse(spend.Key.Split(':')[0], CultureInfo.InvariantCulture)))
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
        catch (Exception exception) // a background thread's exception would end the test host
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

        var now = Stopwatch.GetTimestamp();
        var gap = Stopwatch.GetElapsedTime(lastRead, now);
        LongestGap = gap > LongestGap ? gap : LongestGap;
        lastRead = now;
    }
}

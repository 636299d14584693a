using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CallLogClient.Redis;

/// <summary>
/// A rate limiter whose count lives in Redis, so every process that uses the same key spends from one budget: at
/// most <see cref="PermitLimit"/> permits in any rolling <see cref="Window"/>, each acquisition asking for its own
/// number of permits (a Pipedrive call's token cost). Set it as <see cref="RateLimiting.RequestBudget.Limiter"/>, or
/// build the whole budget with <see cref="RedisRequestBudget.Create"/>.
/// </summary>
/// <remarks>
/// One Lua script per acquisition keeps a sorted set of the window's spends and decides atomically on the Redis
/// server's clock (<c>TIME</c>), so the machines of a fleet need not agree on the time. A refusal is not queued: the
/// lease carries <see cref="MetadataName.RetryAfter"/>, the time until enough of the oldest spends leave the window,
/// and the client waits that long before asking again. Leases hold nothing: a spend comes back when it leaves the
/// window. The connection belongs to the caller; disposing the limiter leaves it open.
/// </remarks>
public sealed class RedisRollingWindowLimiter : RateLimiter
{
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local spends = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
        local used = 0
        for i = 1, #spends, 2 do
          used = used + tonumber(string.match(spends[i], '^(%d+):'))
        end
        if used + cost <= limit then
          if cost > 0 then
            redis.call('ZADD', KEYS[1], now, ARGV[3] .. ':' .. ARGV[4])
            redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
          end
          return {1, 0, limit - used - cost}
        end
        local freed = 0
        for i = 1, #spends, 2 do
          freed = freed + tonumber(string.match(spends[i], '^(%d+):'))
          if used - freed + cost <= limit then
            return {0, tonumber(spends[i + 1]) + window - now, limit - used}
          end
        end
        return {0, window, limit - used}
        """;

    private readonly IConnectionMultiplexer connection;
    private readonly RedisKey key;
    private readonly long windowMicroseconds;
    private long successfulLeases;
    private long failedLeases;
    private long lastRemaining;
    private int active;
    private long idleSince = Stopwatch.GetTimestamp();

    /// <summary>Creates a limiter over <paramref name="key"/>; every limiter given the same key and Redis shares one budget.</summary>
    /// <param name="connection">The Redis connection (owned by the caller).</param>
    /// <param name="key">The Redis key of the budget, e.g. <c>calllog:budget:pipedrive:acme</c>.</param>
    /// <param name="permitLimit">The permits allowed in any rolling <paramref name="window"/>.</param>
    /// <param name="window">The rolling window, at least 1 ms.</param>
    public RedisRollingWindowLimiter(IConnectionMultiplexer connection, string key, int permitLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        if (window < TimeSpan.FromMilliseconds(1) || window > TimeSpan.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Must be from 1 ms to 30 days.");
        }

        this.connection = connection;
        this.key = key;
        PermitLimit = permitLimit;
        Window = window;
        windowMicroseconds = window.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        lastRemaining = permitLimit;
    }

    /// <summary>The permits allowed in any rolling <see cref="Window"/>.</summary>
    public int PermitLimit { get; }

    /// <summary>The rolling window.</summary>
    public TimeSpan Window { get; }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration =>
        Volatile.Read(ref active) > 0 ? null : Stopwatch.GetElapsedTime(Interlocked.Read(ref idleSince));

    /// <summary>
    /// What this process has seen: its own successful and refused acquisitions, and the permits the budget had left
    /// after its last one (other processes may have spent since).
    /// </summary>
    /// <returns>The statistics.</returns>
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = Interlocked.Read(ref lastRemaining),
        TotalSuccessfulLeases = Interlocked.Read(ref successfulLeases),
        TotalFailedLeases = Interlocked.Read(ref failedLeases),
    };

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        Interlocked.Increment(ref active);
        try
        {
            return LeaseFrom((RedisResult[]?)connection.GetDatabase().ScriptEvaluate(Script, [key], Arguments(permitCount)));
        }
        finally
        {
            Idle();
        }
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        Interlocked.Increment(ref active);
        try
        {
            var result = await connection.GetDatabase()
                .ScriptEvaluateAsync(Script, [key], Arguments(permitCount))
                .WaitAsync(cancellationToken)
                .ConfigureAwait(false);
            return LeaseFrom((RedisResult[]?)result);
        }
        finally
        {
            Idle();
        }
    }

    private void CheckPermits(int permitCount)
    {
        if (permitCount < 0 || permitCount > PermitLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"Must be from 0 to the permit limit ({PermitLimit}).");
        }
    }

    private RedisValue[] Arguments(int permitCount) =>
    [
        PermitLimit,
        windowMicroseconds,
        permitCount,
        Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
    ];

    private Lease LeaseFrom(RedisResult[]? result)
    {
        if (result is not { Length: 3 })
        {
            throw new InvalidOperationException("The Redis budget script returned an unexpected reply.");
        }

        Interlocked.Exchange(ref lastRemaining, Math.Max(0, (long)result[2]));
        if ((long)result[0] == 1)
        {
            Interlocked.Increment(ref successfulLeases);
            return Lease.Acquired;
        }

        Interlocked.Increment(ref failedLeases);
        var waitMicroseconds = Math.Max(1, (long)result[1]);
        return new Lease(isAcquired: false, TimeSpan.FromTicks(waitMicroseconds * (TimeSpan.TicksPerMillisecond / 1000)));
    }

    private void Idle()
    {
        Interlocked.Exchange(ref idleSince, Stopwatch.GetTimestamp());
        Interlocked.Decrement(ref active);
    }

    /// <summary>A granted spend (holding nothing) or a refusal with the wait until it can be granted.</summary>
    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(isAcquired: true, retryAfter: null);

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

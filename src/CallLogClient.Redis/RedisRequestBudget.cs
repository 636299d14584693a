using CallLogClient.RateLimiting;
using StackExchange.Redis;

namespace CallLogClient.Redis;

/// <summary>Builds a <see cref="RequestBudget"/> that a fleet shares through Redis.</summary>
public static class RedisRequestBudget
{
    /// <summary>
    /// A budget of <paramref name="tokens"/> per rolling <paramref name="window"/>, kept in Redis under
    /// <paramref name="key"/>: every client of every process configured with the same key and Redis spends from it.
    /// </summary>
    /// <param name="connection">The Redis connection (owned by the caller; one per process is the usual choice).</param>
    /// <param name="key">The Redis key of the budget: one per provider account, e.g. <c>calllog:budget:pipedrive:acme</c>.</param>
    /// <param name="tokens">The tokens (Pipedrive) or requests (Close) allowed per window.</param>
    /// <param name="window">
    /// The rolling window. The provider counts requests when they arrive, a little after they are spent; a window a
    /// tenth longer than the provider's (2.2 s for Pipedrive's 2 s) keeps network jitter from drawing a 429.
    /// </param>
    /// <returns>The budget, for <see cref="CallLogClientOptions.RequestBudget"/>.</returns>
    public static RequestBudget Create(IConnectionMultiplexer connection, string key, int tokens, TimeSpan window) => new()
    {
        Tokens = tokens,
        Window = window,
        Limiter = new RedisRollingWindowLimiter(connection, key, tokens, window),
    };
}

namespace CallLogClient.Testing;

/// <summary>
/// A fixed-window rate limit: <see cref="Limit"/> units per <see cref="Window"/>, counted from the window's first request.
/// A Pipedrive request spends its documented token cost, a Close request 1.
/// </summary>
/// <param name="Limit">Units per window.</param>
/// <param name="Window">The window's length.</param>
public sealed record RateLimit(int Limit, TimeSpan Window);

/// <summary>The window of a <see cref="RateLimit"/>: what is left and when it resets.</summary>
internal sealed class RateWindow(TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private DateTimeOffset windowStart = DateTimeOffset.MinValue;
    private int used;

    /// <summary>Spends <paramref name="cost"/> when the window allows it; reports what remains and the seconds to the reset.</summary>
    public (bool Allowed, int Remaining, double ResetSeconds) TrySpend(RateLimit limit, int cost)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            if (now >= windowStart + limit.Window)
            {
                windowStart = now;
                used = 0;
            }

            var allowed = used + cost <= limit.Limit;
            if (allowed)
            {
                used += cost;
            }

            var reset = Math.Max(0, (windowStart + limit.Window - now).TotalSeconds);
            return (allowed, Math.Max(0, limit.Limit - used), reset);
        }
    }
}

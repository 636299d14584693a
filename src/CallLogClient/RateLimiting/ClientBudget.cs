using System.Threading.RateLimiting;

namespace CallLogClient.RateLimiting;

/// <summary>
/// The live limiter behind a <see cref="RequestBudget"/>: an exact rolling window. Each spend holds its tokens from a
/// <see cref="ConcurrencyLimiter"/> (which queues waiters in order, honours cancellation and keeps statistics) and a
/// timer of the client's <see cref="TimeProvider"/> gives them back one window later, so a fake clock drives it in
/// tests. (The library's own window limiters time their windows with the real Stopwatch, even when replenished by hand.)
/// A <see cref="RequestBudget.Limiter"/> of the caller's takes the place of the concurrency limiter: its leases are
/// held for the window the same way, and a refusal is waited out and asked again (a limiter that counts elsewhere,
/// such as a Redis one, cannot queue).
/// </summary>
internal sealed class ClientBudget : IDisposable
{
    private readonly RateLimiter limiter;
    private readonly bool ownsLimiter;
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan window;
    private readonly HashSet<Spend> pendingReturns = [];
    private bool disposed;

    public ClientBudget(RequestBudget budget, TimeProvider timeProvider)
    {
        Tokens = budget.Tokens;
        window = budget.Window;
        this.timeProvider = timeProvider;
        ownsLimiter = budget.Limiter is null;
        limiter = budget.Limiter ?? new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = budget.Tokens,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            QueueLimit = int.MaxValue,
        });
    }

    public int Tokens { get; }

    public RateLimiterStatistics? GetStatistics() => limiter.GetStatistics();

    /// <summary>
    /// Spends <paramref name="cost"/> tokens (at most the whole budget) for one window, waiting behind earlier callers
    /// until the window allows it; completes synchronously when the tokens are there.
    /// </summary>
    public async ValueTask SpendAsync(int cost, CancellationToken cancellationToken)
    {
        var permits = Math.Clamp(cost, 1, Tokens);
        var lease = await limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        while (!lease.IsAcquired)
        {
            if (ownsLimiter)
            {
                lease.Dispose();
                throw new ObjectDisposedException(nameof(ClientBudget), "The client has been disposed.");
            }

            var wait = RefusalWait(lease);
            lease.Dispose();
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            lease = await limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        }

        var spend = new Spend(this, lease);
        lock (pendingReturns)
        {
            if (disposed)
            {
                lease.Dispose();
                return;
            }

            spend.Timer = timeProvider.CreateTimer(static state => ((Spend)state!).GiveBack(), spend, window, Timeout.InfiniteTimeSpan);
            pendingReturns.Add(spend);
        }
    }

    /// <summary>
    /// How long to wait before asking a refusing limiter again: its retry-after hint, within (0, window], else a tenth of
    /// the window. Read untyped: some limiters put whole seconds (an int) under the name instead of a TimeSpan.
    /// </summary>
    private TimeSpan RefusalWait(RateLimitLease lease)
    {
        TimeSpan? hint = lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var raw)
            ? raw switch
            {
                TimeSpan span => span,
                int seconds => TimeSpan.FromSeconds(seconds),
                long seconds => TimeSpan.FromSeconds(seconds),
                double seconds when double.IsFinite(seconds) && seconds < RequestBudget.MaxWindow.TotalSeconds => TimeSpan.FromSeconds(seconds),
                _ => null,
            }
            : null;
        return hint > TimeSpan.Zero ? (hint < window ? hint.Value : window) : window / 10;
    }

    public void Dispose()
    {
        lock (pendingReturns)
        {
            disposed = true;
            foreach (var spend in pendingReturns)
            {
                spend.Timer?.Dispose();
                if (!ownsLimiter)
                {
                    spend.Lease.Dispose(); // a limiter that outlives the client gets its permits back, never leaks them
                }
            }

            pendingReturns.Clear();
        }

        if (ownsLimiter)
        {
            limiter.Dispose();
        }
    }

    /// <summary>Tokens taken from the window, and the timer that gives them back when the window has passed.</summary>
    private sealed class Spend(ClientBudget budget, RateLimitLease lease)
    {
        public RateLimitLease Lease => lease;

        public ITimer? Timer { get; set; }

        public void GiveBack()
        {
            lock (budget.pendingReturns)
            {
                if (!budget.pendingReturns.Remove(this))
                {
                    return;
                }
            }

            Timer?.Dispose();
            lease.Dispose();
        }
    }
}

using System.Threading.RateLimiting;

namespace CallLogClient.RateLimiting;

/// <summary>
/// The live limiter behind a <see cref="RequestBudget"/>: a sliding window whose segments are advanced by a timer of
/// the client's <see cref="TimeProvider"/>, so a fake clock drives it in tests.
/// </summary>
internal sealed class ClientBudget : IDisposable
{
    private const int SegmentsPerWindow = 8;

    private readonly SlidingWindowRateLimiter limiter;
    private readonly ITimer replenisher;

    public ClientBudget(RequestBudget budget, TimeProvider timeProvider)
    {
        Tokens = budget.Tokens;
        limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = budget.Tokens,
            Window = budget.Window,
            SegmentsPerWindow = SegmentsPerWindow,
            AutoReplenishment = false,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            QueueLimit = int.MaxValue,
        });
        var segment = budget.Window / SegmentsPerWindow;
        replenisher = timeProvider.CreateTimer(
            static state => ((SlidingWindowRateLimiter)state!).TryReplenish(), limiter, segment, segment);
    }

    public int Tokens { get; }

    public RateLimiterStatistics? GetStatistics() => limiter.GetStatistics();

    /// <summary>
    /// Spends <paramref name="cost"/> tokens (at most the whole budget), waiting behind earlier callers until the
    /// window allows it; completes synchronously when the tokens are there.
    /// </summary>
    public async ValueTask SpendAsync(int cost, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(Math.Clamp(cost, 1, Tokens), cancellationToken).ConfigureAwait(false);
        ObjectDisposedException.ThrowIf(!lease.IsAcquired, this);
    }

    public void Dispose()
    {
        replenisher.Dispose();
        limiter.Dispose();
    }
}

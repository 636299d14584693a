using System.Threading.RateLimiting;

namespace CallLogClient.RateLimiting;

/// <summary>
/// An opt-in client-side budget: the client spends at most <see cref="Tokens"/> in any rolling <see cref="Window"/>
/// (each spend comes back exactly one window later),
/// and a call that would overspend waits (in order, honouring its cancellation token) instead of drawing a 429.
/// A Pipedrive call spends its documented token cost (list 20, get 2, create 10, recording 10, delete 6); a Close
/// call spends 1. Every attempt spends, retries included, as they do on the server.
/// </summary>
/// <remarks>
/// Without a <see cref="Limiter"/> the budget belongs to one client (one registration in dependency injection) and is
/// shared by all its concurrent calls. With one, every client given the same limiter spends from it: several
/// registrations in one process, or a fleet of processes when the limiter keeps its count elsewhere (see the
/// <c>CallLogClient.Redis</c> package). Time spent waiting for the budget counts toward
/// <see cref="RetryOptions.OverallTimeout"/>, never toward an attempt's timeout. A call costing more than
/// <see cref="Tokens"/> spends <see cref="Tokens"/>.
/// </remarks>
public sealed class RequestBudget
{
    /// <summary>
    /// The tokens (Pipedrive) or requests (Close) allowed per <see cref="Window"/>. Required, positive. With a
    /// <see cref="Limiter"/>, its permit limit: no spend asks it for more.
    /// </summary>
    public int Tokens { get; set; }

    /// <summary>The longest window: a token comes back on a timer, and timers cannot wait much past 49 days.</summary>
    internal static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// The rolling window the budget applies to, at most 30 days. Default 2 s, Pipedrive's burst window. With a
    /// <see cref="Limiter"/>, how long a spend holds its lease before disposing it.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A limiter to spend from instead of the client's own: each attempt acquires its cost in permits and holds the
    /// lease for <see cref="Window"/>. When the limiter refuses, the attempt waits for the lease's
    /// <see cref="MetadataName.RetryAfter"/> (or a tenth of <see cref="Window"/> when it gives none) and asks again.
    /// The caller owns the limiter: clients never dispose it. <see langword="null"/> (the default): the client's own
    /// exact rolling window of <see cref="Tokens"/>.
    /// </summary>
    public RateLimiter? Limiter { get; set; }

    internal RequestBudget Clone() => (RequestBudget)MemberwiseClone();

    internal void Validate(string prefix)
    {
        if (Tokens <= 0)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(Tokens), Tokens, "Must be positive.");
        }

        if (Window <= TimeSpan.Zero || Window > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(Window), Window, "Must be positive and at most 30 days.");
        }
    }
}

namespace CallLogClient.RateLimiting;

/// <summary>
/// An opt-in client-side budget: the client spends at most <see cref="Tokens"/> in any rolling <see cref="Window"/>
/// (each spend comes back exactly one window later),
/// and a call that would overspend waits (in order, honouring its cancellation token) instead of drawing a 429.
/// A Pipedrive call spends its documented token cost (list 20, get 2, create 10, recording 10, delete 6); a Close
/// call spends 1. Every attempt spends, retries included, as they do on the server.
/// </summary>
/// <remarks>
/// The budget belongs to one client (one registration in dependency injection) and is shared by all its concurrent
/// calls. Time spent waiting for it counts toward <see cref="RetryOptions.OverallTimeout"/>, never toward an
/// attempt's timeout. A call costing more than the whole budget spends the whole budget.
/// </remarks>
public sealed class RequestBudget
{
    /// <summary>The tokens (Pipedrive) or requests (Close) allowed per <see cref="Window"/>. Required, positive.</summary>
    public int Tokens { get; set; }

    /// <summary>The longest window: a token comes back on a timer, and timers cannot wait much past 49 days.</summary>
    internal static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    /// <summary>The rolling window the budget applies to, at most 30 days. Default 2 s, Pipedrive's burst window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(2);

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

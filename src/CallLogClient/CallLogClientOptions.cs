using CallLogClient.RateLimiting;

namespace CallLogClient;

/// <summary>Settings shared by every provider's client.</summary>
public abstract class CallLogClientOptions
{
    /// <summary>How the client retries and times out.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// An opt-in client-side budget that makes calls wait instead of drawing a 429; <see langword="null"/> (the default)
    /// sends at once.
    /// </summary>
    public RequestBudget? RequestBudget { get; set; }

    /// <summary>
    /// The clock behind every backoff wait, timeout, budget window and rate-limit time the client computes; replace it
    /// in tests. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>An optional application name appended to the User-Agent header (at most 24 characters, no spaces).</summary>
    public string? ApplicationId { get; set; }

    internal virtual void Validate()
    {
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        Retry.Validate(nameof(Retry) + ".");
        RequestBudget?.Validate(nameof(RequestBudget) + ".");
        if (ApplicationId is { } id && (id.Length > 24 || id.Any(char.IsWhiteSpace) || id.Length == 0))
        {
            throw new ArgumentException("ApplicationId must be 1 to 24 characters without white space.", nameof(ApplicationId));
        }
    }
}

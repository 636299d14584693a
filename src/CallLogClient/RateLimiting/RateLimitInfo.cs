namespace CallLogClient.RateLimiting;

/// <summary>The rate-limit state one response reported. Every field is optional: providers omit headers at times.</summary>
public sealed record RateLimitInfo
{
    /// <summary>Requests allowed in the current window (Pipedrive <c>x-ratelimit-limit</c>, Close <c>RateLimit: limit=</c>).</summary>
    public int? Limit { get; init; }

    /// <summary>Requests left in the current window.</summary>
    public int? Remaining { get; init; }

    /// <summary>Time until the window resets, as the server reported it.</summary>
    public TimeSpan? ResetAfter { get; init; }

    /// <summary>When the window resets: the response time plus <see cref="ResetAfter"/>.</summary>
    public DateTimeOffset? ResetsAt { get; init; }

    /// <summary>Pipedrive <c>x-daily-requests-left</c>: POST/PUT requests left today for an API token.</summary>
    public int? DailyRequestsLeft { get; init; }
}

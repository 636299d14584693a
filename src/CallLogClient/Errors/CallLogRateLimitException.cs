using System.Globalization;

namespace CallLogClient.Errors;

/// <summary>
/// The provider's rate limit was hit (HTTP 429) and the client did not wait: retries ran out, or the server asked
/// for a wait longer than <see cref="RetryOptions.MaxServerDelay"/> (Pipedrive's daily budget answers with hours).
/// The message says when the limit resets.
/// </summary>
public sealed class CallLogRateLimitException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="resetsAt">When the provider said the limit resets, if it said.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogRateLimitException(CallLogErrorDetails details, DateTimeOffset? resetsAt, Exception? innerException = null)
        : this(details, resetsAt, resetsAt is null ? null : string.Create(CultureInfo.InvariantCulture, $"The limit resets at {resetsAt.Value.UtcDateTime:u}."), innerException)
    {
    }

    internal CallLogRateLimitException(CallLogErrorDetails details, DateTimeOffset? resetsAt, string? advice, Exception? innerException = null)
        : base(details, advice, innerException)
    {
        ResetsAt = resetsAt;
    }

    /// <summary>When the limit resets, from the server's hint or rate-limit headers; <see langword="null"/> when it gave neither.</summary>
    public DateTimeOffset? ResetsAt { get; }
}

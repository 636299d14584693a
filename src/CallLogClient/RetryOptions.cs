namespace CallLogClient;

/// <summary>
/// How a client retries. Reads (GET), deletes and Close updates retry on 408, 429, 5xx and transport faults; a create
/// retries only when the server provably did not process it (429, or a connection that was never established).
/// </summary>
public sealed class RetryOptions
{
    /// <summary>
    /// Retries after the first attempt; 0 turns retries off. Default 3. (Below the client, SocketsHttpHandler may itself
    /// re-send a GET up to 3 times when the server closes the connection without answering at all, the usual fate of a
    /// stale keep-alive connection; it never re-sends a request with a body.)
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; each retry doubles it, with jitter. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay the client picks by itself. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait a server hint (<c>Retry-After</c>, <c>x-ratelimit-reset</c>, <c>RateLimit</c>) may ask for.
    /// A longer hint is not slept on: the call fails at once with <see cref="Errors.CallLogRateLimitException"/>.
    /// Default 60 s.
    /// </summary>
    public TimeSpan MaxServerDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take before it is abandoned. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take over all its attempts and waits. Default 2 minutes.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(2);

    internal void Validate(string prefix)
    {
        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxRetries), MaxRetries, "Must be 0 or more.");
        }

        RequirePositive(BaseDelay, prefix + nameof(BaseDelay));
        RequirePositive(MaxDelay, prefix + nameof(MaxDelay));
        RequirePositive(AttemptTimeout, prefix + nameof(AttemptTimeout));
        RequirePositive(OverallTimeout, prefix + nameof(OverallTimeout));
        if (MaxServerDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxServerDelay), MaxServerDelay, "Must not be negative.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }
}

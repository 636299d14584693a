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

    /// <summary>The longest any delay or timeout may be: the longest the resilience pipeline accepts.</summary>
    internal static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>The shortest timeout the resilience pipeline accepts.</summary>
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);

    /// <summary>The most retries a call may make.</summary>
    internal const int MaxMaxRetries = 100;

    internal RetryOptions Clone() => (RetryOptions)MemberwiseClone();

    internal void Validate(string prefix)
    {
        if (MaxRetries is < 0 or > MaxMaxRetries)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxRetries), MaxRetries, $"Must be between 0 and {MaxMaxRetries}.");
        }

        RequireWithin(BaseDelay, TimeSpan.FromTicks(1), "Must be positive and at most 1 day.", prefix + nameof(BaseDelay));
        RequireWithin(MaxDelay, TimeSpan.FromTicks(1), "Must be positive and at most 1 day.", prefix + nameof(MaxDelay));
        RequireWithin(MaxServerDelay, TimeSpan.Zero, "Must be from 0 to 1 day.", prefix + nameof(MaxServerDelay));
        RequireWithin(AttemptTimeout, MinTimeout, "Must be from 10 ms to 1 day.", prefix + nameof(AttemptTimeout));
        RequireWithin(OverallTimeout, MinTimeout, "Must be from 10 ms to 1 day.", prefix + nameof(OverallTimeout));
    }

    private static void RequireWithin(TimeSpan value, TimeSpan min, string message, string name)
    {
        if (value < min || value > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(name, value, message);
        }
    }
}

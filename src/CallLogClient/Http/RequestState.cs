namespace CallLogClient.Http;

/// <summary>What the handler chain learns about a call across its attempts; travels in the request's options.</summary>
/// <remarks>One per call; its attempts run one after another, never at once.</remarks>
internal sealed class RequestState
{
    private static readonly HttpRequestOptionsKey<RequestState> Key = new("CallLogClient.RequestState");

    public required ApiRequest Request { get; init; }

    /// <summary>The request's path from the host on, without the query string: what logs and exceptions name.</summary>
    public required string Path { get; init; }

    /// <summary>Attempts sent so far; 0 when the call failed before its first attempt (e.g. timed out waiting for budget).</summary>
    public int Attempts { get; private set; }

    /// <summary>An attempt so far may have reached the server and been processed (lost response, timeout, 408, 5xx).</summary>
    public bool MayHaveBeenProcessed { get; set; }

    /// <summary>When the call entered the retry pipeline; its overall deadline counts from here.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastAttemptSentAt { get; private set; }

    /// <summary>The wait the last response asked for (Retry-After and the providers' own hints), if any.</summary>
    public TimeSpan? ServerDelay { get; private set; }

    /// <summary>When the server said it will take requests again: the hint's response time plus <see cref="ServerDelay"/>.</summary>
    public DateTimeOffset? ServerResumesAt { get; private set; }

    /// <summary>Why the client did not wait for the server's hint (past the cap or the overall deadline); null when it did.</summary>
    public string? WaitRefusedBecause { get; set; }

    /// <summary>What was wrong with the last response's body (longer than the cap, not decodable); null when it was read whole.</summary>
    public string? BodyProblem { get; set; }

    /// <summary>
    /// The secret values the last attempt carried (token, key and their header forms), masked in everything the client
    /// reports about the call, since a server may echo them.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];

    /// <summary>The overall timeout ended the call.</summary>
    public bool OverallTimedOut { get; set; }

    public void Start(DateTimeOffset now) => StartedAt = now;

    public void BeginAttempt(DateTimeOffset now)
    {
        Attempts++;
        ServerDelay = null;
        ServerResumesAt = null;
        BodyProblem = null;
        LastAttemptSentAt = now;
    }

    public void SetServerDelay(TimeSpan? delay, DateTimeOffset receivedAt)
    {
        ServerDelay = delay;
        ServerResumesAt = receivedAt + delay;
    }

    public void AttachTo(HttpRequestMessage message) => message.Options.Set(Key, this);

    public static RequestState? Of(HttpRequestMessage message) =>
        message.Options.TryGetValue(Key, out var state) ? state : null;
}

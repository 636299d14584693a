namespace CallLogClient.Http;

/// <summary>What the handler chain learns about a call across its attempts; travels in the request's options.</summary>
internal sealed class RequestState
{
    private static readonly HttpRequestOptionsKey<RequestState> Key = new("CallLogClient.RequestState");

    public required ApiRequest Request { get; init; }

    public int Attempts { get; private set; }

    /// <summary>An attempt so far may have reached the server and been processed (lost response, timeout, 5xx).</summary>
    public bool MayHaveBeenProcessed { get; set; }

    public DateTimeOffset LastAttemptSentAt { get; private set; }

    /// <summary>The wait the last response asked for (Retry-After and the providers' own hints), if any.</summary>
    public TimeSpan? ServerDelay { get; set; }

    public void BeginAttempt(DateTimeOffset now)
    {
        Attempts++;
        ServerDelay = null;
        LastAttemptSentAt = now;
    }

    public void AttachTo(HttpRequestMessage message) => message.Options.Set(Key, this);

    public static RequestState? Of(HttpRequestMessage message) =>
        message.Options.TryGetValue(Key, out var state) ? state : null;
}

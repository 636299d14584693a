namespace CallLogClient.Http;

/// <summary>What the handler chain learns about a call across its attempts; travels in the request's options.</summary>
/// <remarks>One per call; its attempts run one after another, never at once.</remarks>
internal sealed class RequestState
{
    /// <summary>The request option the Refit methods put the state under (<c>[Property(RequestState.OptionKey)]</c>).</summary>
    public const string OptionKey = "CallLogClient.RequestState";

    private static readonly HttpRequestOptionsKey<RequestState> Key = new(OptionKey);

    private string? path;

    private ResponseBody? body;

    public required ApiRequest Request { get; init; }

    /// <summary>The request the Refit client built, sent by every attempt; null until it reaches the handler chain.</summary>
    public HttpRequestMessage? Message { get; private set; }

    /// <summary>The request's method, as logs and exceptions name it; empty until the request reaches the handler chain.</summary>
    public string Method => Message?.Method.Method ?? "";

    /// <summary>The request's path from the host on, without the query string: what logs and exceptions name. Empty until sent.</summary>
    /// <remarks>Worked out on first use (a log line written, an exception built): a call that succeeds quietly never needs it.</remarks>
    public string Path => path ??= Message?.RequestUri?.AbsolutePath ?? "";

    /// <summary>The JSON body sent, kept to mask what the caller sent out of error text; empty for other bodies.</summary>
    /// <remarks>
    /// Taken when the call enters the handler chain (the Refit client disposes the request once it is sent): the array of a
    /// <see cref="JsonBody"/>, any other JSON content copied.
    /// </remarks>
    public ReadOnlyMemory<byte> SentJson { get; private set; }

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

    /// <summary>
    /// The last response's body, read whole in its attempt (up to the cap); empty before a response and after
    /// <see cref="ReleaseBody"/>. Its memory is pooled: nothing may keep it past the call.
    /// </summary>
    public ReadOnlyMemory<byte> Body => body?.Content ?? default;

    /// <summary>What was wrong with the last response's body (longer than the cap, not decodable); null when it was read whole.</summary>
    public string? BodyProblem => body?.Problem;

    /// <summary>
    /// The secret values the last attempt carried (token, key and their header forms), masked in everything the client
    /// reports about the call, since a server may echo them.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; set; } = [];

    /// <summary>The call refreshed its OAuth token after a 401; it never refreshes twice.</summary>
    public bool TokenRefreshed { get; set; }

    /// <summary>The token the refresh gave; the call's later attempts carry it instead of asking the provider.</summary>
    public string? RefreshedToken { get; set; }

    /// <summary>How many refreshes the credential had done when this call's last attempt read its token.</summary>
    public long TokenGeneration { get; set; }

    /// <summary>The overall timeout ended the call.</summary>
    public bool OverallTimedOut { get; set; }

    /// <summary>The call enters the retry pipeline with the request the Refit client built.</summary>
    public void Start(HttpRequestMessage message, DateTimeOffset now)
    {
        Message = message;
        if (message.Content is JsonBody.Content sent)
        {
            SentJson = sent.Utf8Json; // the client's own array, never written after the request is built
        }
        else if (message.Content is ByteArrayContent { Headers.ContentType.MediaType: "application/json" } json)
        {
            using var stream = json.ReadAsStream();
            using var body = new MemoryStream();
            stream.CopyTo(body);
            SentJson = body.ToArray();
        }

        StartedAt = now;
    }

    public void BeginAttempt(DateTimeOffset now)
    {
        Attempts++;
        ServerDelay = null;
        ServerResumesAt = null;
        ReleaseBody();
        LastAttemptSentAt = now;
    }

    /// <summary>Keeps the attempt's response body as the call's; the array it is in is given back when the call ends.</summary>
    public void KeepBody(ResponseBody read)
    {
        ReleaseBody();
        body = read;
    }

    /// <summary>Gives the body's array back (<see cref="ResponseBodyReader.Release"/>); the body is empty, and has no problem, after.</summary>
    public void ReleaseBody()
    {
        if (body is { } kept)
        {
            body = null;
            ResponseBodyReader.Release(kept.Buffer, kept.Used);
        }
    }

    public void SetServerDelay(TimeSpan? delay, DateTimeOffset receivedAt)
    {
        ServerDelay = delay;
        ServerResumesAt = receivedAt + delay;
    }

    public static RequestState? Of(HttpRequestMessage message) =>
        message.Options.TryGetValue(Key, out var state) ? state : null;
}

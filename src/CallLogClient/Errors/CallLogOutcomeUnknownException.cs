namespace CallLogClient.Errors;

/// <summary>
/// A create was sent but its outcome is unknown: the connection broke after the request left, an attempt timed out,
/// or the server answered 5xx. The call log <b>may or may not exist</b>. The client does not retry, because neither
/// provider deduplicates creates; look the call log up (for example by listing around <see cref="SentAt"/>) before
/// creating it again.
/// </summary>
public sealed class CallLogOutcomeUnknownException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="request">The request model the caller passed (not the wire body).</param>
    /// <param name="sentAt">When the attempt whose outcome is unknown was sent.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogOutcomeUnknownException(
        CallLogErrorDetails details, object? request, DateTimeOffset sentAt, Exception? innerException = null)
        : base(details, Advice, innerException)
    {
        Request = request;
        SentAt = sentAt;
    }

    private const string Advice =
        "The call log may or may not have been created: look it up before creating it again.";

    /// <summary>The request model the caller passed, to match against what the CRM holds.</summary>
    public object? Request { get; }

    /// <summary>When the attempt whose outcome is unknown was sent (UTC).</summary>
    public DateTimeOffset SentAt { get; }
}

namespace CallLogClient.Errors;

/// <summary>No usable response arrived: the connection failed or was reset, or an attempt or the whole call timed out, and retries, if allowed, did not help.</summary>
public sealed class CallLogTransportException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogTransportException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

namespace CallLogClient.Errors;

/// <summary>The provider failed or was unavailable (HTTP 5xx) and retries, if allowed, did not help.</summary>
public sealed class CallLogServiceUnavailableException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogServiceUnavailableException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

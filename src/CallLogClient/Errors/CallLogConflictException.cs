namespace CallLogClient.Errors;

/// <summary>The request conflicts with the current state (HTTP 409), e.g. the Pipedrive call log already has a recording.</summary>
public sealed class CallLogConflictException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogConflictException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

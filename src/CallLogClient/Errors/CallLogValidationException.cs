namespace CallLogClient.Errors;

/// <summary>The provider rejected the request as invalid (HTTP 400 or 422); see FieldErrors for the fields it named.</summary>
public sealed class CallLogValidationException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogValidationException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

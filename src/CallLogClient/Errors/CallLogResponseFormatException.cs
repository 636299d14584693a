namespace CallLogClient.Errors;

/// <summary>The provider answered with success but the body could not be read: empty, not JSON, not the expected shape, or a Pipedrive success:false inside a 2xx.</summary>
public sealed class CallLogResponseFormatException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogResponseFormatException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

namespace CallLogClient.Errors;

/// <summary>The credential was refused (HTTP 401): the API token, API key or OAuth token is missing, wrong or expired.</summary>
public sealed class CallLogAuthenticationException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogAuthenticationException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

namespace CallLogClient.Errors;

/// <summary>The credential is valid but may not do this (HTTP 402 or 403), or a plan limit was reached. Pipedrive also answers 403 with an HTML page to clients that keep calling after a 429.</summary>
public sealed class CallLogPermissionException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogPermissionException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}

using System.Net;

namespace CallLogClient.Errors;

/// <summary>The call log or a resource it needs does not exist (HTTP 404), or no longer exists (HTTP 410).</summary>
public sealed class CallLogNotFoundException : CallLogApiException
{
    /// <summary>Creates the exception from the details of a failed call.</summary>
    /// <param name="details">What was sent and what came back.</param>
    /// <param name="innerException">The failure behind this one, if any.</param>
    public CallLogNotFoundException(CallLogErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }

    /// <summary><see langword="true"/> when the provider said the resource existed once but is gone (HTTP 410).</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone;
}

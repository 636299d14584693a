using CallLogClient.Errors;

namespace CallLogClient.Http;

/// <summary>
/// A page that cannot be followed: it says more items exist but gives no way to reach them, points back to what was
/// read, or repeats the previous page. Enumeration ends with this exception rather than looping or stopping silently.
/// </summary>
internal static class PagingFailure
{
    public static CallLogResponseFormatException Create(CallLogProvider provider, string requestPath, CallLogResponse page, string problem) =>
        new(new CallLogErrorDetails
        {
            Provider = provider,
            Method = "GET",
            RequestPath = requestPath,
            StatusCode = page.StatusCode,
            RequestId = page.RequestId,
            RateLimit = page.RateLimit,
            Attempts = page.Attempts,
            ErrorMessage = problem + " Reading stopped so that it neither loops nor silently skips items.",
        });
}

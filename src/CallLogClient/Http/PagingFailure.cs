using CallLogClient.Errors;

namespace CallLogClient.Http;

/// <summary>
/// A page that cannot be followed: it says more items exist but gives no way to reach them, points back to what was
/// read, or repeats the previous page. Enumeration ends with this exception rather than looping or stopping silently.
/// </summary>
internal static class PagingFailure
{
    public static CallLogResponseFormatException Create<T>(RequestExecutor executor, ApiResponse<T> page, string problem) =>
        new(executor.DescribeUnsuccessful(page, errorMessage: null, errorCode: null) with
        {
            // Set after masking: an offset of seven digits would otherwise be masked as a phone number.
            ErrorMessage = problem + " Reading stopped so that it neither loops nor silently skips items.",
        });
}

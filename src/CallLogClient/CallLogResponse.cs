using System.Net;
using CallLogClient.RateLimiting;

namespace CallLogClient;

/// <summary>
/// What the server said about one successful call besides its result: the status, the request id and the rate-limit
/// state of the response, and how many attempts it took. Each call returns its own, so concurrent calls never see
/// each other's state.
/// </summary>
public class CallLogResponse
{
    /// <summary>Creates the response details; for tests and fakes of the client interfaces.</summary>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The provider's request id, if the response carried one.</param>
    /// <param name="rateLimit">The rate-limit state the response reported, if any.</param>
    /// <param name="attempts">How many attempts the call took (1 when nothing was retried).</param>
    public CallLogResponse(HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, int attempts)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        RateLimit = rateLimit;
        Attempts = attempts;
    }

    /// <summary>
    /// The HTTP status of the final response. A delete retried after a lost response may report 404 or 410: the
    /// earlier attempt deleted the resource.
    /// </summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The provider's request id, for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit state the final response reported; <see langword="null"/> when it carried no rate-limit headers.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>How many attempts the call took (1 when nothing was retried).</summary>
    public int Attempts { get; }
}

/// <summary>A call's result with what the server said about the call; see <see cref="CallLogResponse"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class CallLogResponse<T> : CallLogResponse
{
    /// <summary>Creates the response; for tests and fakes of the client interfaces.</summary>
    /// <param name="value">The call's result.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The provider's request id, if the response carried one.</param>
    /// <param name="rateLimit">The rate-limit state the response reported, if any.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    public CallLogResponse(T value, HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, int attempts)
        : base(statusCode, requestId, rateLimit, attempts)
    {
        Value = value;
    }

    /// <summary>The call's result.</summary>
    public T Value { get; }
}

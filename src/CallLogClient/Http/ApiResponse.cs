using System.Net;
using CallLogClient.RateLimiting;

namespace CallLogClient.Http;

/// <summary>A successful response: the parsed body, what the headers said, and the call that got it.</summary>
internal sealed record ApiResponse<T>(T Value, HttpStatusCode StatusCode, string? RequestId, RateLimitInfo? RateLimit, RequestState Call)
{
    public int Attempts => Call.Attempts;

    /// <summary>The public form, carrying <paramref name="value"/> (the body's payload) instead of the whole body.</summary>
    public CallLogResponse<TValue> With<TValue>(TValue value) => new(value, StatusCode, RequestId, RateLimit, Attempts);

    /// <summary>The same response carrying <paramref name="value"/> (e.g. a page built from the body), still internal.</summary>
    public ApiResponse<TValue> Carrying<TValue>(TValue value) => new(value, StatusCode, RequestId, RateLimit, Call);

    /// <summary>The public form of a response whose body carries nothing to return.</summary>
    public CallLogResponse WithoutValue() => new(StatusCode, RequestId, RateLimit, Attempts);
}

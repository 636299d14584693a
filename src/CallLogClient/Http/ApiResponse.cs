using System.Net;
using CallLogClient.RateLimiting;

namespace CallLogClient.Http;

/// <summary>A successful response: the parsed body and what the headers said.</summary>
internal sealed record ApiResponse<T>(T Value, HttpStatusCode StatusCode, string? RequestId, RateLimitInfo? RateLimit, int Attempts);

using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace CallLogClient.Http;

/// <summary>
/// Decides, for one failed attempt, whether the server may have processed it and whether it may be sent again.
/// The one place that knows the retry rules; the resilience handler and the exception mapping both ask it.
/// </summary>
internal static class FailureClassifier
{
    public static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <summary>A 429 is the one failure status that proves the request was not processed.</summary>
    public static bool MayHaveBeenProcessed(HttpStatusCode status) =>
        status != HttpStatusCode.TooManyRequests && ((int)status >= 500 || status == HttpStatusCode.RequestTimeout);

    /// <summary>True for the failures of an attempt that never reached the server: the connection was never made.</summary>
    public static bool NeverConnected(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => true,
        _ => false,
    };

    /// <summary>True for the exceptions that mean "this attempt failed on the network or timed out".</summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException;

    public static bool MayRetry(ReplayPolicy replay, HttpStatusCode status) => replay switch
    {
        ReplayPolicy.Idempotent => IsRetryableStatus(status),
        ReplayPolicy.CreateOnce => status == HttpStatusCode.TooManyRequests,
        _ => false,
    };

    public static bool MayRetry(ReplayPolicy replay, Exception exception) => replay switch
    {
        ReplayPolicy.Idempotent => IsTransportFailure(exception),
        ReplayPolicy.CreateOnce => NeverConnected(exception),
        _ => false,
    };
}

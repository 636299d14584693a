using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace CallLogClient.Http;

/// <summary>
/// Decides, for one failed attempt, whether the server may have processed it and whether it may be sent again.
/// The one place that knows the retry rules; the retry pipeline and the exception mapping both ask it.
/// </summary>
/// <remarks>
/// How SocketsHttpHandler reports a broken exchange (checked against WireMock's faults): a refused or unreachable
/// connection is <see cref="HttpRequestError.ConnectionError"/>; a reset after the request left is
/// <see cref="HttpRequestError.Unknown"/> over an <see cref="IOException"/>/<see cref="SocketError.ConnectionReset"/>;
/// an empty answer, garbage instead of a status line, or a body cut off mid-chunk is
/// <see cref="HttpRequestError.ResponseEnded"/> (for the body, raised while the attempt buffers it).
/// Only the first group proves the request never reached the server.
/// When the server closes without sending a byte, SocketsHttpHandler itself re-sends a request that has no body (up to
/// 3 times) before reporting ResponseEnded; a request with a body it never re-sends. Creates always have a body, and the
/// call handler gives every other non-GET attempt an empty one, so only GETs are ever re-sent below this pipeline.
/// </remarks>
internal static class FailureClassifier
{
    public static bool IsRetryableStatus(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <summary>A failure status that leaves open whether the server acted (408, 5xx); 429 proves it did not.</summary>
    public static bool MayHaveBeenProcessed(HttpStatusCode status) =>
        status == HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>
    /// A failed attempt that may have reached the server: a transport fault or a timeout after the connection was
    /// made, or a cancellation mid-flight. Failures before sending (a refused connection, a credential that could not
    /// be read) prove nothing was processed.
    /// </summary>
    public static bool MayHaveBeenProcessed(Exception exception) =>
        (IsTransportFailure(exception) || exception is OperationCanceledException) && !NeverConnected(exception);

    /// <summary>True for the failures of an attempt that never reached the server: the connection was never made.</summary>
    public static bool NeverConnected(Exception exception) => exception switch
    {
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError
                or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError
                or HttpRequestError.ProxyTunnelError,
        } => true,

        // A primary handler other than SocketsHttpHandler may leave HttpRequestError unset.
        HttpRequestException
        {
            InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound },
        } => true,
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

    /// <summary>
    /// What went wrong, in words fit for an exception message: built from the failure's kind, never from its text
    /// (which may name hosts, proxies or, for a custom handler, anything).
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException timeout => $"no response within {Format(timeout.Timeout)}",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name could not be resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS connection could not be established",
        HttpRequestException { HttpRequestError: HttpRequestError.ProxyTunnelError } => "the proxy tunnel could not be established",
        _ when NeverConnected(exception) => "the connection could not be established",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the connection closed before a complete response arrived",
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => "the server sent a response that is not valid HTTP",
        HttpRequestException { HttpRequestError: HttpRequestError.HttpProtocolError } => "the HTTP exchange failed with a protocol error",
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => "the response exceeded a configured limit",
        HttpRequestException or IOException when IsConnectionReset(exception) => "the connection was reset",
        HttpRequestException or IOException => "the connection failed",
        OperationCanceledException => "the request was cancelled",
        _ => exception.GetType().Name,
    };

    /// <summary>A short duration for messages: "400 ms", "30 s", "1 h 5 min".</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms"),
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s"),
        { TotalHours: < 1 } => string.Create(
            CultureInfo.InvariantCulture, $"{duration.Minutes} min{(duration.Seconds == 0 ? "" : $" {duration.Seconds} s")}"),
        _ => string.Create(
            CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h{(duration.Minutes == 0 ? "" : $" {duration.Minutes} min")}"),
    };

    private static bool IsConnectionReset(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
            {
                return true;
            }
        }

        return false;
    }
}

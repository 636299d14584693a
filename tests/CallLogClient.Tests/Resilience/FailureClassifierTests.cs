using System.Net;
using System.Net.Sockets;
using CallLogClient.Http;
using Polly.Timeout;

namespace CallLogClient.Tests.Resilience;

/// <summary>The retry rules, one failure at a time, as SocketsHttpHandler and Polly report them.</summary>
public sealed class FailureClassifierTests
{
    private static readonly Exception Refused = new HttpRequestException(
        HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static readonly Exception Reset = new HttpRequestException(
        HttpRequestError.Unknown, "An error occurred while sending the request.", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

    private static readonly Exception CutOff = new HttpRequestException(
        HttpRequestError.ResponseEnded, "An error occurred while sending the request.", new HttpIOException(HttpRequestError.ResponseEnded));

    private static readonly Exception AttemptTimedOut = new TimeoutRejectedException(TimeSpan.FromSeconds(30));

    public static TheoryData<string, Exception, bool, bool, bool> Failures => new()
    {
        // name, exception, may have been processed, a read retries, a create retries
        { "connection refused", Refused, false, true, true },
        { "name not resolved", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), false, true, true },
        { "TLS handshake failed", new HttpRequestException(HttpRequestError.SecureConnectionError, "tls"), false, true, true },
        { "proxy tunnel failed", new HttpRequestException(HttpRequestError.ProxyTunnelError, "proxy"), false, true, true },
        { "refused, other handler", new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)), false, true, true },
        { "host not found, other handler", new HttpRequestException("x", new SocketException((int)SocketError.HostNotFound)), false, true, true },
        { "timed out connecting, other handler", new HttpRequestException("x", new SocketException((int)SocketError.TimedOut)), true, true, false },
        { "HTTP/2 protocol error", new HttpRequestException(HttpRequestError.HttpProtocolError, "x"), true, true, false },
        { "response over a configured limit", new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "x"), true, true, false },
        { "socket closed under a stream", new IOException("x", new SocketException((int)SocketError.ConnectionAborted)), true, true, false },
        { "reset mid-flight", Reset, true, true, false },
        { "response cut off", CutOff, true, true, false },
        { "invalid response", new HttpRequestException(HttpRequestError.InvalidResponse, "x"), true, true, false },
        { "body broke off", new HttpIOException(HttpRequestError.ResponseEnded), true, true, false },
        { "attempt timed out", AttemptTimedOut, true, true, false },
        { "cancelled mid-flight", new TaskCanceledException(), true, false, false },
        { "credential provider failed", new InvalidOperationException("no token"), false, false, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_is_classified_by_whether_the_server_may_have_acted(
        string name, Exception failure, bool mayHaveBeenProcessed, bool readRetries, bool createRetries)
    {
        Assert.NotNull(name);
        Assert.Equal(mayHaveBeenProcessed, FailureClassifier.MayHaveBeenProcessed(failure));
        Assert.Equal(readRetries, FailureClassifier.MayRetry(ReplayPolicy.Idempotent, failure));
        Assert.Equal(createRetries, FailureClassifier.MayRetry(ReplayPolicy.CreateOnce, failure));
        Assert.False(FailureClassifier.MayRetry(ReplayPolicy.Never, failure));
    }

    [Theory]
    [InlineData(408, true, true, false)]
    [InlineData(429, false, true, true)]
    [InlineData(500, true, true, false)]
    [InlineData(502, true, true, false)]
    [InlineData(503, true, true, false)]
    [InlineData(504, true, true, false)]
    [InlineData(501, true, false, false)]
    [InlineData(400, false, false, false)]
    [InlineData(401, false, false, false)]
    [InlineData(403, false, false, false)]
    [InlineData(404, false, false, false)]
    [InlineData(409, false, false, false)]
    public void Each_status_is_classified_by_whether_the_server_may_have_acted(
        int status, bool mayHaveBeenProcessed, bool readRetries, bool createRetries)
    {
        var code = (HttpStatusCode)status;
        Assert.Equal(mayHaveBeenProcessed, FailureClassifier.MayHaveBeenProcessed(code));
        Assert.Equal(readRetries, FailureClassifier.MayRetry(ReplayPolicy.Idempotent, code));
        Assert.Equal(createRetries, FailureClassifier.MayRetry(ReplayPolicy.CreateOnce, code));
        Assert.False(FailureClassifier.MayRetry(ReplayPolicy.Never, code));
    }

    [Fact]
    public void Failures_are_described_by_their_kind_never_by_their_text()
    {
        Assert.Equal("the connection could not be established", FailureClassifier.Describe(Refused));
        Assert.Equal("the connection was reset", FailureClassifier.Describe(Reset));
        Assert.Equal("the connection closed before a complete response arrived", FailureClassifier.Describe(CutOff));
        Assert.Equal("no response within 30 s", FailureClassifier.Describe(AttemptTimedOut));
        Assert.Equal("the host name could not be resolved", FailureClassifier.Describe(new HttpRequestException(HttpRequestError.NameResolutionError, "secret.example")));
        Assert.Equal("the connection failed", FailureClassifier.Describe(new HttpRequestException("token=abc")));
    }

    /// <summary>
    /// Every kind SocketsHttpHandler reports gets its own words; the exception's text (which may name a host, a proxy or
    /// a certificate subject) never appears.
    /// </summary>
    public static TheoryData<string, Exception, string> Descriptions => new()
    {
        { "TLS", new HttpRequestException(HttpRequestError.SecureConnectionError, "cert CN=secret.example"), "the TLS connection could not be established" },
        { "proxy", new HttpRequestException(HttpRequestError.ProxyTunnelError, "proxy.secret.example:3128"), "the proxy tunnel could not be established" },
        { "name", new HttpRequestException(HttpRequestError.NameResolutionError, "secret.example"), "the host name could not be resolved" },
        { "refused", Refused, "the connection could not be established" },
        { "host not found, other handler", new HttpRequestException("x", new SocketException((int)SocketError.HostNotFound)), "the connection could not be established" },
        { "response ended", CutOff, "the connection closed before a complete response arrived" },
        { "invalid response", new HttpRequestException(HttpRequestError.InvalidResponse, "x"), "the server sent a response that is not valid HTTP" },
        { "protocol error", new HttpRequestException(HttpRequestError.HttpProtocolError, "x"), "the HTTP exchange failed with a protocol error" },
        { "limit", new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "x"), "the response exceeded a configured limit" },
        { "reset", Reset, "the connection was reset" },
        { "aborted, bare IOException", new IOException("x", new SocketException((int)SocketError.ConnectionAborted)), "the connection was reset" },
        { "other socket error", new HttpRequestException("x", new SocketException((int)SocketError.TimedOut)), "the connection failed" },
        { "bare IOException", new IOException("x"), "the connection failed" },
        { "cancelled", new TaskCanceledException(), "the request was cancelled" },
        { "attempt timeout", new TimeoutRejectedException(TimeSpan.FromMilliseconds(400)), "no response within 400 ms" },
        { "anything else", new InvalidOperationException("token=abc"), "InvalidOperationException" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Each_kind_of_failure_has_its_own_description(string name, Exception failure, string description)
    {
        Assert.NotNull(name);
        Assert.Equal(description, FailureClassifier.Describe(failure));
    }

    [Fact]
    public void Only_network_failures_and_timeouts_are_transport_failures()
    {
        Assert.True(FailureClassifier.IsTransportFailure(new HttpRequestException("x")));
        Assert.True(FailureClassifier.IsTransportFailure(new IOException("x")));
        Assert.True(FailureClassifier.IsTransportFailure(AttemptTimedOut));
        Assert.False(FailureClassifier.IsTransportFailure(new TaskCanceledException()));
        Assert.False(FailureClassifier.IsTransportFailure(new InvalidOperationException("x")));
    }

    [Fact]
    public void Exactly_the_documented_statuses_are_retryable()
    {
        int[] retryable = [408, 429, 500, 502, 503, 504];

        Assert.All(Enumerable.Range(100, 500), status =>
            Assert.Equal(retryable.Contains(status), FailureClassifier.IsRetryableStatus((HttpStatusCode)status)));
        Assert.All(Enumerable.Range(100, 500), status =>
            Assert.Equal(status is 408 or >= 500, FailureClassifier.MayHaveBeenProcessed((HttpStatusCode)status)));
    }

    [Theory]
    [InlineData(0.4, "400 ms")]
    [InlineData(1, "1 s")]
    [InlineData(2.5, "2.5 s")]
    [InlineData(60, "1 min")]
    [InlineData(90, "1 min 30 s")]
    [InlineData(3600, "1 h")]
    [InlineData(3939, "1 h 5 min")]
    [InlineData(90000, "25 h")]
    [InlineData(0.9994, "999 ms")]
    [InlineData(59.9, "59.9 s")]
    [InlineData(3599, "59 min 59 s")]
    [InlineData(3660, "1 h 1 min")]
    public void Durations_read_naturally(double seconds, string text) =>
        Assert.Equal(text, FailureClassifier.Format(TimeSpan.FromSeconds(seconds)));
}

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
        { "refused, other handler", new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)), false, true, true },
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

    [Theory]
    [InlineData(0.4, "400 ms")]
    [InlineData(1, "1 s")]
    [InlineData(2.5, "2.5 s")]
    [InlineData(60, "1 min")]
    [InlineData(90, "1 min 30 s")]
    [InlineData(3600, "1 h")]
    [InlineData(3939, "1 h 5 min")]
    [InlineData(90000, "25 h")]
    public void Durations_read_naturally(double seconds, string text) =>
        Assert.Equal(text, FailureClassifier.Format(TimeSpan.FromSeconds(seconds)));
}

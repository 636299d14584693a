using System.Net.Sockets;

namespace CallLogClient.Tests.Support;

/// <summary>
/// What each transport fault of <see cref="RawHttpServer"/> looks like to a plain <see cref="HttpClient"/>: the
/// exception, its <see cref="HttpRequestError"/>, and how many requests the server saw (SocketsHttpHandler silently
/// re-sends a body-less request whose connection closed before any response byte).
/// </summary>
public sealed class FaultHostTests
{
    [Fact]
    public async Task Connection_reset_fault_surfaces_as_HttpRequestException()
    {
        using var host = RawHttpServer.Start(RawAnswers.Fault(TransportFault.ResetBeforeResponse));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(host.BaseUri, "reset")));

        Assert.Equal(HttpRequestError.Unknown, ex.HttpRequestError);
        var socketError = Assert.IsType<SocketException>(ex.InnerException?.InnerException);
        Assert.Equal(SocketError.ConnectionReset, socketError.SocketErrorCode);
        Assert.Equal(1, host.Count("GET", "/reset"));
    }

    [Theory]
    [InlineData(TransportFault.CloseBeforeResponse, "GET", HttpRequestError.ResponseEnded, 4)]
    [InlineData(TransportFault.CloseBeforeResponse, "POST", HttpRequestError.ResponseEnded, 1)]
    [InlineData(TransportFault.ResetMidBody, "GET", HttpRequestError.Unknown, 1)]
    [InlineData(TransportFault.CloseMidBody, "GET", HttpRequestError.ResponseEnded, 1)]
    [InlineData(TransportFault.GarbageThenClose, "GET", HttpRequestError.InvalidResponse, 1)]
    public async Task Other_faults_end_the_response_prematurely(TransportFault fault, string method, HttpRequestError error, int attemptsSeenByServer)
    {
        using var host = RawHttpServer.Start(RawAnswers.Fault(fault));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(host.BaseUri, "fault"))
        {
            Content = method == "POST" ? new StringContent("{}") : null,
        };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(request));

        Assert.Equal(error, ex.HttpRequestError);
        Assert.Equal(attemptsSeenByServer, host.Count(method, "/fault"));
    }

    [Fact]
    public async Task A_stalled_body_holds_the_response_back_until_the_timeout()
    {
        using var host = RawHttpServer.Start(RawAnswers.Fault(TransportFault.StalledBody));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(new Uri(host.BaseUri, "slow")));

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal(1, host.Count("GET", "/slow"));
    }

    [Fact]
    public async Task A_closed_port_refuses_the_connection()
    {
        using var port = new LoopbackPort();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(port.Uri));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(ex.InnerException).SocketErrorCode);
    }
}

using CallLogClient.Errors;

namespace CallLogClient.Tests.Hostile;

/// <summary>A server cannot plant state in the client: cookies it sets are never sent back, on a retry or a later call.</summary>
public sealed class CookieTests : HostileServerTest
{
    [Fact]
    public async Task A_cookie_the_server_sets_never_comes_back()
    {
        var server = Serve((request, connection) => request.Headers.ContainsKey("Cookie")
            ? connection.RespondAsync(400, """{"success":false,"error":"cookie sent"}""")
            : connection.RespondAsync(503, """{"success":false}""", ("Set-Cookie", "session=planted; Path=/")));
        var client = Pipedrive(server);

        await Output.ThrowsAsync<CallLogServiceUnavailableException>(client.GetAsync("c1"));
        await Output.ThrowsAsync<CallLogServiceUnavailableException>(client.GetAsync("c1"));

        Assert.Equal(8, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.DoesNotContain("Cookie", request.Headers.Keys, StringComparer.OrdinalIgnoreCase));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CallLogClient.Tests.WireMock;

[Collection(WireMockCollection.Name)]
public sealed class WireMockHarnessTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = wireMock.BaseUri, Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync() => wireMock.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Stub_answers_and_the_journal_records_the_request_as_sent()
    {
        await wireMock.Admin.StubAsync(Stub.Get("/v1/callLogs") with
        {
            QueryParameters = new Dictionary<string, string> { ["start"] = "0" },
            JsonBody = """{"success":true,"data":[]}""",
            Headers = new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "79" },
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/callLogs?start=0&limit=2&tag=a&tag=b%20c&since=2024-01-01T00:00:00%2B02:00");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-1");
        request.Headers.Add("X-Multi", ["a", "b"]);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("79", Assert.Single(response.Headers.GetValues("X-RateLimit-Remaining")));
        Assert.Equal("""{"success":true,"data":[]}""", await response.Content.ReadAsStringAsync());

        var logged = Assert.Single(await wireMock.Admin.GetRequestsAsync());
        Assert.Equal("GET", logged.Method);
        Assert.Equal("/v1/callLogs", logged.Path);
        Assert.Equal("/v1/callLogs?start=0&limit=2&tag=a&tag=b%20c&since=2024-01-01T00:00:00%2B02:00", logged.Url);
        Assert.Equal(["a", "b c"], logged.Query["tag"]);
        Assert.Equal(["2024-01-01T00:00:00+02:00"], logged.Query["since"]);
        Assert.Equal("Bearer token-1", logged.Header("authorization"));
        Assert.Equal("a, b", logged.Header("x-multi"));
        Assert.Null(logged.Header("X-Not-Sent"));
        Assert.Empty(logged.BodyAsBytes);
    }

    [Fact]
    public async Task Journal_keeps_the_body_and_lists_requests_oldest_first()
    {
        await wireMock.Admin.StubAsync(new Stub { UrlPathPattern = "/v1/callLogs.*", Status = 201 });

        using (await http.PostAsync("v1/callLogs", new StringContent("""{"outcome":"connected"}""", Encoding.UTF8, "application/json")))
        using (await http.DeleteAsync("v1/callLogs/abc")) { }

        var requests = await wireMock.Admin.GetRequestsAsync();
        Assert.Equal(["POST /v1/callLogs", "DELETE /v1/callLogs/abc"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("""{"outcome":"connected"}""", requests[0].Body);
        // Jetty upper-cases the charset before WireMock logs it; .NET sent "utf-8".
        Assert.Equal("application/json; charset=UTF-8", requests[0].Header("Content-Type"));
        Assert.Equal(1, await wireMock.Admin.CountRequestsAsync("DELETE", "/v1/callLogs/[^/]+"));
        Assert.Equal(2, await wireMock.Admin.CountRequestsAsync("ANY", "/v1/callLogs.*"));
    }

    [Fact]
    public async Task Priority_and_request_matchers_choose_the_stub()
    {
        await wireMock.Admin.StubAsync(new Stub { UrlPathPattern = "/v1/.*", Status = 401, Priority = 10 });
        await wireMock.Admin.StubAsync(Stub.Get("/v1/persons") with
        {
            RequestHeaders = new Dictionary<string, string> { ["x-api-token"] = "secret" },
            Status = 200,
            Priority = 1,
        });
        await wireMock.Admin.StubAsync(new Stub { Method = "GET", Url = "/v1/persons?exact=1", Status = 202, Priority = 1 });

        async Task<HttpStatusCode> StatusOf(string url, string? token = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (token is not null)
            {
                request.Headers.Add("X-Api-Token", token);
            }

            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusOf("v1/persons?page=2", "secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf("v1/persons", "wrong"));
        Assert.Equal(HttpStatusCode.Accepted, await StatusOf("v1/persons?exact=1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf("v1/persons?exact=1&more=2"));
    }

    [Fact]
    public async Task Scenario_answers_429_then_200()
    {
        const string Scenario = "rate-limited";
        await wireMock.Admin.StubAsync(Stub.Get("/api/v1/activity/call/") with
        {
            ScenarioName = Scenario,
            RequiredScenarioState = Stub.StartedState,
            NewScenarioState = "recovered",
            Status = 429,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
        });
        await wireMock.Admin.StubAsync(Stub.Get("/api/v1/activity/call/") with
        {
            ScenarioName = Scenario,
            RequiredScenarioState = "recovered",
            JsonBody = """{"data":[],"has_more":false}""",
        });

        using var first = await http.GetAsync(new Uri("api/v1/activity/call/", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("api/v1/activity/call/", UriKind.Relative));
        await wireMock.Admin.ResetScenariosAsync();
        using var afterReset = await http.GetAsync(new Uri("api/v1/activity/call/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterReset.StatusCode);
        Assert.Equal(3, await wireMock.Admin.CountRequestsAsync("GET", "/api/v1/activity/call/"));
    }

    [Fact]
    public async Task Connection_reset_fault_surfaces_as_HttpRequestException()
    {
        await wireMock.Admin.StubAsync(Stub.Get("/reset") with { Fault = WireMockFault.ConnectionResetByPeer });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("reset", UriKind.Relative)));

        Assert.Equal(HttpRequestError.Unknown, ex.HttpRequestError);
        var socketError = Assert.IsType<System.Net.Sockets.SocketException>(ex.InnerException?.InnerException);
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionReset, socketError.SocketErrorCode);
        Assert.Equal(1, await wireMock.Admin.CountRequestsAsync("GET", "/reset"));
    }

    [Theory]
    [InlineData(WireMockFault.EmptyResponse, 4)]
    [InlineData(WireMockFault.MalformedResponseChunk, 1)]
    [InlineData(WireMockFault.RandomDataThenClose, 1)]
    public async Task Other_faults_end_the_response_prematurely(WireMockFault fault, int attemptsSeenByServer)
    {
        await wireMock.Admin.StubAsync(Stub.Get("/fault") with { Fault = fault });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("fault", UriKind.Relative)));

        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        // SocketsHttpHandler silently retries a body-less request whose connection closed before any response byte.
        Assert.Equal(attemptsSeenByServer, await wireMock.Admin.CountRequestsAsync("GET", "/fault"));
    }

    [Fact]
    public async Task Fixed_delay_holds_the_response_back()
    {
        await wireMock.Admin.StubAsync(Stub.Get("/slow") with { FixedDelayMilliseconds = 2_000 });
        using var impatient = new HttpClient { BaseAddress = wireMock.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(new Uri("slow", UriKind.Relative)));

        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task Multipart_body_is_split_into_parts()
    {
        await wireMock.Admin.StubAsync(new Stub { Method = "POST", UrlPathPattern = "/v1/callLogs/[^/]+/recordings", Status = 200 });
        byte[] audio = [0x49, 0x44, 0x33, 0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF, 0xFE];
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(audio) { Headers = { ContentType = new MediaTypeHeaderValue("audio/mpeg") } }, "file", "call 1.mp3" },
            { new StringContent("note"), "comment" },
        };

        using (await http.PostAsync(new Uri("v1/callLogs/abc/recordings", UriKind.Relative), form)) { }

        var parts = Assert.Single(await wireMock.Admin.GetRequestsAsync()).MultipartParts();
        Assert.Equal(2, parts.Count);
        Assert.Equal("file", parts[0].Name);
        Assert.Equal("call 1.mp3", parts[0].FileName);
        Assert.Equal("audio/mpeg", parts[0].ContentType);
        Assert.Equal(audio.Length, parts[0].Length);
        Assert.Equal(audio, parts[0].Content);
        Assert.Equal("comment", parts[1].Name);
        Assert.Null(parts[1].FileName);
        Assert.Equal("note", parts[1].ContentAsString());
    }

    [Fact]
    public async Task Mapping_files_load_single_and_multiple_mappings_with_replacements()
    {
        var single = await wireMock.Admin.AddMappingFileAsync("Harness/item.json", ("__ID__", "42"));
        var pages = await wireMock.Admin.AddMappingFileAsync("Harness/pages.json");

        Assert.Single(single);
        Assert.Equal(2, pages.Count);
        Assert.Equal("""{"id":"42"}""", await http.GetStringAsync(new Uri("harness/items/42", UriKind.Relative)));
        Assert.Equal("second", await http.GetStringAsync(new Uri("harness/pages?page=2", UriKind.Relative)));
    }

    [Fact]
    public async Task Reset_clears_mappings_and_journal()
    {
        await wireMock.Admin.AddMappingAsync("""{"request":{"method":"GET","url":"/ping"},"response":{"status":204}}""");
        using (var before = await http.GetAsync(new Uri("ping", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        }

        await wireMock.ResetAsync();

        Assert.Empty(await wireMock.Admin.GetRequestsAsync());
        using (var after = await http.GetAsync(new Uri("ping", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        using (await http.GetAsync(new Uri("pong", UriKind.Relative))) { }
        Assert.Equal(["/ping", "/pong"], (await wireMock.Admin.GetUnmatchedAsync()).Select(r => r.Url));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallLogClient.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.WireMock;

/// <summary>The in-process WireMock.Net server answers and logs requests the way the wire tests rely on.</summary>
[Collection(WireMockCollection.Name)]
public sealed class WireMockHarnessTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = wireMock.BaseUri, Timeout = TimeSpan.FromSeconds(10) };

    public Task InitializeAsync()
    {
        wireMock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Stub_answers_and_the_journal_records_the_request_as_sent()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/v1/callLogs").WithParam("start", "0"))
            .RespondWith(Json(200, """{"success":true,"data":[]}""", new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "79" }));

        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/callLogs?start=0&limit=2&tag=a&tag=b%20c&since=2024-01-01T00:00:00%2B02:00");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-1");
        request.Headers.Add("X-Multi", ["a", "b"]);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("79", Assert.Single(response.Headers.GetValues("X-RateLimit-Remaining")));
        Assert.Equal("""{"success":true,"data":[]}""", await response.Content.ReadAsStringAsync());

        var logged = Assert.Single(wireMock.Server.Requests());
        Assert.Equal("GET", logged.Method);
        Assert.Equal("/v1/callLogs", logged.Path);
        Assert.Equal("/v1/callLogs?start=0&limit=2&tag=a&tag=b%20c&since=2024-01-01T00:00:00%2B02:00", logged.PathAndQuery());
        Assert.Equal(["a", "b c"], logged.Query!["tag"]);
        Assert.Equal(["2024-01-01T00:00:00+02:00"], logged.Query["since"]);
        Assert.Equal("Bearer token-1", logged.Header("authorization"));
        Assert.Equal("a, b", logged.Header("x-multi"));
        Assert.Null(logged.Header("X-Not-Sent"));
        Assert.Empty(logged.BodyAsBytes ?? []);
    }

    [Fact]
    public async Task Journal_keeps_the_body_and_lists_requests_oldest_first()
    {
        wireMock.Server.Given(Request.Create().UsingAnyMethod().WithPath(new RegexMatcher("^/v1/callLogs.*$"))).RespondWith(Json(201));

        using (await http.PostAsync("v1/callLogs", new StringContent("""{"outcome":"connected"}""", Encoding.UTF8, "application/json")))
        using (await http.DeleteAsync("v1/callLogs/abc")) { }

        var requests = wireMock.Server.Requests();
        Assert.Equal(["POST /v1/callLogs", "DELETE /v1/callLogs/abc"], requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("""{"outcome":"connected"}""", requests[0].Body);
        Assert.Equal("application/json; charset=utf-8", requests[0].Header("Content-Type"));
        Assert.Equal(1, wireMock.Server.Count(Request.Create().UsingDelete().WithPath(new RegexMatcher("^/v1/callLogs/[^/]+$"))));
        Assert.Equal(2, wireMock.Server.Count(Request.Create().UsingAnyMethod().WithPath(new RegexMatcher("^/v1/callLogs.*$"))));
    }

    [Fact]
    public async Task Priority_and_request_matchers_choose_the_stub()
    {
        wireMock.Server.Given(Request.Create().UsingAnyMethod().WithPath(new RegexMatcher("^/v1/.*$"))).AtPriority(10).RespondWith(Json(401));
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/v1/persons").WithHeader("x-api-token", "secret")).AtPriority(1).RespondWith(Json(200));
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery("/v1/persons?exact=1")).AtPriority(1).RespondWith(Json(202));

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
        wireMock.Server.GivenSequence(
            Request.Create().UsingGet().WithPath("/api/v1/activity/call/"),
            Json(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" }),
            Json(200, """{"data":[],"has_more":false}"""));

        using var first = await http.GetAsync(new Uri("api/v1/activity/call/", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("api/v1/activity/call/", UriKind.Relative));
        wireMock.Server.ResetScenarios();
        using var afterReset = await http.GetAsync(new Uri("api/v1/activity/call/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterReset.StatusCode);
        Assert.Equal(3, wireMock.Server.Count(Request.Create().UsingGet().WithPath("/api/v1/activity/call/")));
    }

    [Fact]
    public async Task Fixed_delay_holds_the_response_back()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/slow")).RespondWith(Response.Create().WithDelay(2_000));
        using var impatient = new HttpClient { BaseAddress = wireMock.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };

        var ex = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync(new Uri("slow", UriKind.Relative)));

        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task Multipart_body_is_split_into_parts()
    {
        wireMock.Server.Given(Request.Create().UsingPost().WithPath(new RegexMatcher("^/v1/callLogs/[^/]+/recordings$"))).RespondWith(Json(200));
        byte[] audio = [0x49, 0x44, 0x33, 0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF, 0xFE];
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(audio) { Headers = { ContentType = new MediaTypeHeaderValue("audio/mpeg") } }, "file", "call 1.mp3" },
            { new StringContent("note"), "comment" },
        };

        using (await http.PostAsync(new Uri("v1/callLogs/abc/recordings", UriKind.Relative), form)) { }

        var parts = Assert.Single(wireMock.Server.Requests()).MultipartParts();
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
        wireMock.AddMappingFile("Harness/item.json", ("__ID__", "42"));
        wireMock.AddMappingFile("Harness/pages.json");

        Assert.Equal(3, wireMock.Server.Mappings.Count(m => !m.IsAdminInterface));
        Assert.Equal("""{"id":"42"}""", await http.GetStringAsync(new Uri("harness/items/42", UriKind.Relative)));
        Assert.Equal("second", await http.GetStringAsync(new Uri("harness/pages?page=2", UriKind.Relative)));
    }

    [Fact]
    public async Task Reset_clears_mappings_and_journal()
    {
        wireMock.Server.Given(Request.Create().UsingGet().WithPath("/ping")).RespondWith(Json(204));
        using (var before = await http.GetAsync(new Uri("ping", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        }

        wireMock.Reset();

        Assert.Empty(wireMock.Server.Requests());
        using (var after = await http.GetAsync(new Uri("ping", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        using (await http.GetAsync(new Uri("pong", UriKind.Relative))) { }
        Assert.Equal(["/ping", "/pong"], wireMock.Server.Unmatched().Select(r => r.PathAndQuery()));
    }
}

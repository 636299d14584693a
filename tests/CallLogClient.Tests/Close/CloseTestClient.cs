using System.Text.Json.Nodes;
using CallLogClient.Close;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Close;

/// <summary>Builds Close clients against the WireMock server, and the small list payloads the stubs answer with.</summary>
internal static class CloseTestClient
{
    public const string ApiKey = "api_key_1234567890";

    /// <summary><c>base64("api_key_1234567890:")</c>, worked out by hand rather than by the code under test.</summary>
    public const string ExpectedAuthorization = "Basic YXBpX2tleV8xMjM0NTY3ODkwOg==";

    public const string CallsPath = "/api/v1/activity/call/";

    /// <summary>A client with its own handler chain, retries off, talking to WireMock under <c>/api/v1/</c>.</summary>
    public static CloseCallActivitiesClient Create(WireMockFixture wireMock, Action<CloseClientOptions>? configure = null)
    {
        var options = new CloseClientOptions
        {
            Credential = CloseCredential.FromApiKey(ApiKey),
            BaseAddress = new Uri(wireMock.BaseUri, "api/v1/"),
            Retry = { MaxRetries = 0 },
        };
        configure?.Invoke(options);
        return new CloseCallActivitiesClient(options);
    }

    /// <summary>A list page: <c>{"data":[{"id":…,"date_created":…}],"has_more":…}</c>.</summary>
    public static string PageWithTimes(bool hasMore, params (string Id, string DateCreated)[] calls) =>
        new JsonObject
        {
            ["data"] = new JsonArray(calls.Select(call => (JsonNode)new JsonObject
            {
                ["id"] = call.Id,
                ["_type"] = "Call",
                ["date_created"] = call.DateCreated,
            }).ToArray()),
            ["has_more"] = hasMore,
        }.ToJsonString();

    /// <summary>A page of calls whose creation time does not matter.</summary>
    public static string Page(bool hasMore, params string[] ids) =>
        PageWithTimes(hasMore, ids.Select(id => (id, "2024-01-15T10:00:00.000000+00:00")).ToArray());

    /// <summary>Stubs <c>GET</c> of one exact list URL (path and query as sent).</summary>
    public static void StubList(WireMockFixture wireMock, string query, string body, int status = 200) =>
        wireMock.Server.Given(Request.Create().UsingGet().WithPathAndQuery(CallsPath + "?" + query)).RespondWith(Json(status: status, body: body));
}

using System.Text.Json.Nodes;

namespace CallLogClient.Tests.WireMock;

/// <summary>
/// A stub mapping: which requests it matches and what it answers. Set at most one of
/// <see cref="Url"/>, <see cref="UrlPath"/> and <see cref="UrlPathPattern"/>; with none it matches every URL.
/// </summary>
public sealed record Stub
{
    /// <summary>The initial state of every WireMock scenario.</summary>
    public const string StartedState = "Started";

    /// <summary>HTTP method to match, or <c>ANY</c>.</summary>
    public string Method { get; init; } = "ANY";

    /// <summary>Exact path and query, e.g. <c>/v1/callLogs?start=0</c>.</summary>
    public string? Url { get; init; }

    /// <summary>Exact path; the query is ignored unless <see cref="QueryParameters"/> are set.</summary>
    public string? UrlPath { get; init; }

    /// <summary>Regular expression the whole path must match, e.g. <c>/v1/callLogs/[^/]+</c>.</summary>
    public string? UrlPathPattern { get; init; }

    /// <summary>Query parameters that must be present with exactly these (decoded) values.</summary>
    public IReadOnlyDictionary<string, string>? QueryParameters { get; init; }

    /// <summary>Request headers that must be present with exactly these values.</summary>
    public IReadOnlyDictionary<string, string>? RequestHeaders { get; init; }

    /// <summary>Lower numbers win when several stubs match; WireMock's default is 5.</summary>
    public int? Priority { get; init; }

    public int Status { get; init; } = 200;

    /// <summary>Response headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Response body, sent verbatim.</summary>
    public string? Body { get; init; }

    /// <summary>Response body sent verbatim (not validated) with <c>Content-Type: application/json</c> unless <see cref="Headers"/> set one.</summary>
    public string? JsonBody { get; init; }

    /// <summary>Breaks the connection instead of answering; status, headers and body are then ignored.</summary>
    public WireMockFault? Fault { get; init; }

    /// <summary>Delay before the response (or fault) is sent.</summary>
    public int? FixedDelayMilliseconds { get; init; }

    /// <summary>Scenario this stub belongs to; every scenario starts in state <see cref="StartedState"/>.</summary>
    public string? ScenarioName { get; init; }

    /// <summary>The stub only matches while the scenario is in this state.</summary>
    public string? RequiredScenarioState { get; init; }

    /// <summary>State the scenario moves to after this stub matched.</summary>
    public string? NewScenarioState { get; init; }

    public static Stub Get(string urlPath) => new() { Method = "GET", UrlPath = urlPath };

    public static Stub Post(string urlPath) => new() { Method = "POST", UrlPath = urlPath };

    public static Stub Put(string urlPath) => new() { Method = "PUT", UrlPath = urlPath };

    public static Stub Delete(string urlPath) => new() { Method = "DELETE", UrlPath = urlPath };

    /// <summary>The WireMock mapping JSON for this stub.</summary>
    public JsonObject ToMapping()
    {
        if (new[] { Url, UrlPath, UrlPathPattern }.Count(u => u is not null) > 1)
        {
            throw new InvalidOperationException("Set at most one of Url, UrlPath and UrlPathPattern.");
        }

        if (Body is not null && JsonBody is not null)
        {
            throw new InvalidOperationException("Set Body or JsonBody, not both.");
        }

        var request = new JsonObject { ["method"] = Method };
        AddIfSet(request, "url", Url);
        AddIfSet(request, "urlPath", UrlPath);
        AddIfSet(request, "urlPathPattern", UrlPathPattern);
        AddIfSet(request, "queryParameters", EqualToPatterns(QueryParameters));
        AddIfSet(request, "headers", EqualToPatterns(RequestHeaders));

        var mapping = new JsonObject { ["request"] = request, ["response"] = BuildResponse() };
        AddIfSet(mapping, "priority", Priority);
        AddIfSet(mapping, "scenarioName", ScenarioName);
        AddIfSet(mapping, "requiredScenarioState", RequiredScenarioState);
        AddIfSet(mapping, "newScenarioState", NewScenarioState);
        return mapping;
    }

    private JsonObject BuildResponse()
    {
        var response = new JsonObject();
        AddIfSet(response, "fixedDelayMilliseconds", FixedDelayMilliseconds);
        if (Fault is { } fault)
        {
            response["fault"] = FaultName(fault);
            return response;
        }

        response["status"] = Status;
        var headers = new JsonObject();
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        if (JsonBody is not null && !headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers["Content-Type"] = "application/json";
        }

        AddIfSet(response, "headers", headers.Count > 0 ? headers : null);
        AddIfSet(response, "body", Body ?? JsonBody);
        return response;
    }

    private static JsonObject? EqualToPatterns(IReadOnlyDictionary<string, string>? values)
    {
        if (values is null)
        {
            return null;
        }

        var patterns = new JsonObject();
        foreach (var (name, value) in values)
        {
            patterns[name] = new JsonObject { ["equalTo"] = value };
        }

        return patterns;
    }

    private static string FaultName(WireMockFault fault) => fault switch
    {
        WireMockFault.ConnectionResetByPeer => "CONNECTION_RESET_BY_PEER",
        WireMockFault.EmptyResponse => "EMPTY_RESPONSE",
        WireMockFault.MalformedResponseChunk => "MALFORMED_RESPONSE_CHUNK",
        WireMockFault.RandomDataThenClose => "RANDOM_DATA_THEN_CLOSE",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    private static void AddIfSet(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}

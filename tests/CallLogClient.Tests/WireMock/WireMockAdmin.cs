using System.Text;
using System.Text.Json.Nodes;

namespace CallLogClient.Tests.WireMock;

/// <summary>Typed access to WireMock's admin API (<c>/__admin/</c>).</summary>
public sealed class WireMockAdmin
{
    private readonly HttpClient http;

    /// <param name="http">A client whose BaseAddress is the server's <c>/__admin/</c> URL.</param>
    public WireMockAdmin(HttpClient http) => this.http = http;

    /// <summary>Folder of mapping files copied next to the test assembly.</summary>
    public static string MappingsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Mappings");

    /// <summary>Adds one mapping; returns its id.</summary>
    public Task<string> AddMappingAsync(string mappingJson) =>
        AddMappingAsync(JsonNode.Parse(mappingJson)?.AsObject() ?? throw new ArgumentException("Mapping JSON is null.", nameof(mappingJson)));

    /// <summary>Adds one mapping; returns its id.</summary>
    public async Task<string> AddMappingAsync(JsonObject mapping)
    {
        var created = await SendAsync(HttpMethod.Post, "mappings", mapping);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Adds the stub; returns its mapping id.</summary>
    public Task<string> StubAsync(Stub stub) => AddMappingAsync(stub.ToMapping());

    /// <summary>
    /// Adds the mapping(s) in <see cref="MappingsDirectory"/>/<paramref name="relativePath"/>: one mapping object or
    /// <c>{ "mappings": [...] }</c>. Each (token, value) pair is replaced literally in the file text first.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddMappingFileAsync(string relativePath, params (string Token, string Value)[] replacements)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(MappingsDirectory, relativePath));
        foreach (var (token, value) in replacements)
        {
            text = text.Replace(token, value, StringComparison.Ordinal);
        }

        var root = JsonNode.Parse(text)?.AsObject() ?? throw new FormatException($"{relativePath} holds no JSON object.");
        var mappings = root["mappings"] is JsonArray list ? list.Select(m => m!.AsObject()).ToList() : [root];
        var ids = new List<string>();
        foreach (var mapping in mappings)
        {
            ids.Add(await AddMappingAsync(mapping));
        }

        return ids;
    }

    /// <summary>Every request received since the last reset, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> GetRequestsAsync()
    {
        var journal = await SendAsync(HttpMethod.Get, "requests");
        return OldestFirst(journal, entry => entry["request"]!.AsObject());
    }

    /// <summary>Requests no stub matched, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedRequest>> GetUnmatchedAsync()
    {
        var unmatched = await SendAsync(HttpMethod.Get, "requests/unmatched");
        return OldestFirst(unmatched, entry => entry.AsObject());
    }

    /// <summary>Counts requests with <paramref name="method"/> (or ANY) whose whole path matches the regex <paramref name="urlPathPattern"/>; a literal path matches itself.</summary>
    public async Task<int> CountRequestsAsync(string method, string urlPathPattern)
    {
        var result = await SendAsync(HttpMethod.Post, "requests/count", new JsonObject { ["method"] = method, ["urlPathPattern"] = urlPathPattern });
        return result["count"]!.GetValue<int>();
    }

    /// <summary>Removes all mappings, clears the request journal and resets all scenarios.</summary>
    public Task ResetAsync() => SendAsync(HttpMethod.Post, "reset");

    /// <summary>Moves every scenario back to <see cref="Stub.StartedState"/>.</summary>
    public Task ResetScenariosAsync() => SendAsync(HttpMethod.Post, "scenarios/reset");

    // WireMock lists requests newest first.
    private static List<LoggedRequest> OldestFirst(JsonObject list, Func<JsonNode, JsonObject> request) =>
        list["requests"]!.AsArray().Select(entry => LoggedRequest.FromJson(request(entry!))).Reverse().ToList();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"WireMock admin {method} {path} returned {(int)response.StatusCode}: {text}");
        }

        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }
}

using System.Text;
using System.Text.Json.Nodes;

namespace CallLogClient.Tests.WireMock;

/// <summary>A request as WireMock received it (one request-journal entry).</summary>
public sealed record LoggedRequest
{
    public required string Method { get; init; }

    /// <summary>Path and query exactly as sent (still percent-encoded).</summary>
    public required string Url { get; init; }

    /// <summary>The path part of <see cref="Url"/> (still percent-encoded).</summary>
    public required string Path { get; init; }

    /// <summary>Query parameters as WireMock decoded them (note: like most servers it decodes <c>+</c> as a space).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; init; }

    /// <summary>Request headers; lookup is case-insensitive.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; init; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string Body => Encoding.UTF8.GetString(BodyAsBytes);

    public required byte[] BodyAsBytes { get; init; }

    public required DateTimeOffset LoggedAt { get; init; }

    /// <summary>The first value of header <paramref name="name"/>, or null if it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>The parts of a <c>multipart/*</c> body, split on the boundary from the Content-Type header.</summary>
    public IReadOnlyList<MultipartPart> MultipartParts() =>
        MultipartPart.Parse(BodyAsBytes, Header("Content-Type") ?? throw new InvalidOperationException($"{Method} {Url} has no Content-Type header."));

    /// <summary>Reads one request object (the journal's <c>request</c> field, or an unmatched-requests entry).</summary>
    public static LoggedRequest FromJson(JsonObject request)
    {
        var url = request["url"]!.GetValue<string>();
        return new LoggedRequest
        {
            Method = request["method"]!.GetValue<string>(),
            Url = url,
            Path = url.Split('?', 2)[0],
            Query = ReadQuery(request["queryParams"]?.AsObject()),
            Headers = ReadHeaders(request["headers"]?.AsObject()),
            BodyAsBytes = Convert.FromBase64String(request["bodyAsBase64"]?.GetValue<string>() ?? string.Empty),
            LoggedAt = DateTimeOffset.FromUnixTimeMilliseconds(request["loggedDate"]!.GetValue<long>()),
        };
    }

    // {"tag": {"key": "tag", "values": ["a", "b"]}}
    private static Dictionary<string, IReadOnlyList<string>> ReadQuery(JsonObject? queryParams) =>
        (queryParams ?? []).ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<string>)p.Value!["values"]!.AsArray().Select(v => v!.GetValue<string>()).ToList(),
            StringComparer.Ordinal);

    // {"Accept": "*/*", "X-Multi": ["a", "b"]}
    private static Dictionary<string, IReadOnlyList<string>> ReadHeaders(JsonObject? headers) =>
        (headers ?? []).ToDictionary(
            h => h.Key,
            h => (IReadOnlyList<string>)(h.Value is JsonArray values
                ? values.Select(v => v!.GetValue<string>()).ToList()
                : [h.Value!.GetValue<string>()]),
            StringComparer.OrdinalIgnoreCase);
}

using CallLogClient.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.Matchers.Request;
using WireMock.Server;

namespace CallLogClient.Tests.WireMock;

/// <summary>Reads WireMock.Net's request log the way the tests assert on it.</summary>
public static class LoggedRequests
{
    /// <summary>Every request received since the last reset, oldest first.</summary>
    public static IReadOnlyList<IRequestMessage> Requests(this WireMockServer server) =>
        [.. server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage)];

    /// <summary>Requests no mapping answered, oldest first.</summary>
    public static IReadOnlyList<IRequestMessage> Unmatched(this WireMockServer server) =>
        [.. server.LogEntries.Where(e => e.MappingGuid is null).OrderBy(e => e.RequestMessage.DateTime).Select(e => e.RequestMessage)];

    /// <summary>How many logged requests match <paramref name="request"/>.</summary>
    public static int Count(this WireMockServer server, IRequestMatcher request) => server.FindLogEntries(request).Count;

    /// <summary>Path and query as sent, still percent-encoded, e.g. <c>/v1/callLogs?start=0</c>.</summary>
    public static string PathAndQuery(this IRequestMessage request) => new Uri(request.Url).PathAndQuery;

    /// <summary>
    /// The decoded values of query parameter <paramref name="name"/> (<c>+</c> decodes as a space), split on <c>&amp;</c>
    /// only: WireMock.Net's own <c>Query</c> also splits a value at each comma.
    /// </summary>
    public static IReadOnlyList<string> QueryValues(this IRequestMessage request, string name) =>
        [.. QueryHelpers.ParseQuery(request.RawQuery)[name].Select(value => value ?? string.Empty)];

    /// <summary>The values of header <paramref name="name"/> (any case) joined with ", ", or null if it was not sent.</summary>
    public static string? Header(this IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } header
            ? string.Join(", ", header.Value)
            : null;

    /// <summary>The parts of the request's <c>multipart/*</c> body.</summary>
    public static IReadOnlyList<MultipartPart> MultipartParts(this IRequestMessage request) =>
        MultipartPart.Parse(request.BodyAsBytes ?? [], request.Header("Content-Type") ?? throw new InvalidOperationException($"{request.Method} {request.Path} has no Content-Type header."));
}

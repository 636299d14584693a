using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CallLogClient.Tests.WireMock;

/// <summary>WireMock.Net answers the tests use over and over, and sequences of them for one request.</summary>
internal static class Answers
{
    /// <summary>Answer i serves the i-th matching request; the last one repeats.</summary>
    public static void GivenSequence(this WireMockServer server, IRequestBuilder request, params IResponseBuilder[] answers)
    {
        var scenario = $"sequence {Guid.NewGuid():N}";
        for (var i = 0; i < answers.Length; i++)
        {
            var mapping = server.Given(request).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"after {i}");
            }

            if (i < answers.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after {i + 1}");
            }

            mapping.RespondWith(answers[i]);
        }
    }

    /// <summary>Matches the path and query exactly as sent, still percent-encoded, e.g. <c>/v1/callLogs?start=0</c>.</summary>
    public static IRequestBuilder WithPathAndQuery(this IRequestBuilder request, string pathAndQuery) =>
        request.WithUrl(url => new Uri(url).PathAndQuery == pathAndQuery);

    /// <summary>A response with <paramref name="body"/> sent verbatim, as <c>application/json</c> unless <paramref name="headers"/> name a Content-Type.</summary>
    public static IResponseBuilder Json(int status = 200, string? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithBody(body);
            if (headers?.Keys.Any(k => k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) != true)
            {
                response = response.WithHeader("Content-Type", "application/json");
            }
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }
}

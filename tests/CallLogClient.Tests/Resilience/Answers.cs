using CallLogClient.Tests.WireMock;

namespace CallLogClient.Tests.Resilience;

/// <summary>Answers for stubs, and sequences of them for one request, whichever provider they imitate.</summary>
internal static class Answers
{
    /// <summary>Stubs a sequence of answers for one request: answer i serves attempt i, the last one repeats.</summary>
    public static async Task StubSequenceAsync(this WireMockAdmin admin, Stub request, params Stub[] answers)
    {
        var scenario = $"{request.Method} {request.UrlPath ?? request.UrlPathPattern ?? request.Url} {Guid.NewGuid():N}";
        for (var i = 0; i < answers.Length; i++)
        {
            var last = i == answers.Length - 1;
            await admin.StubAsync(answers[i] with
            {
                Method = request.Method,
                Url = request.Url,
                UrlPath = request.UrlPath,
                UrlPathPattern = request.UrlPathPattern,
                ScenarioName = scenario,
                RequiredScenarioState = i == 0 ? Stub.StartedState : $"after {i}",
                NewScenarioState = last ? null : $"after {i + 1}",
            });
        }
    }

    public static Stub Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { Status = status, JsonBody = body, Headers = headers };

    public static Stub Fault(WireMockFault fault) => new() { Fault = fault };
}

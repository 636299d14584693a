using System.Text.Json;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Tests.Close;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Resilience;

/// <summary>Close paths, bodies and requests the resilience tests stub and send.</summary>
internal static class CloseStubs
{
    public const string CallsPath = "/api/v1/activity/call/";

    public const string ServerErrorBody = """{"error":"Service temporarily unavailable"}""";

    public const string NotFoundBody = """{"error":"Empty query: Call matching query does not exist."}""";

    public static string CallPath(string id) => $"{CallsPath}{id}/";

    public static string CallBody(string id) =>
        $$$"""{"_type":"Call","id":"{{{id}}}","phone":"{{{TestSecrets.PhoneNumber}}}","note":"{{{TestSecrets.Note}}}","status":"completed","direction":"outbound"}""";

    /// <summary>The body of a reference 429 example: the nested loopline form, or the flat closex cassette's body.</summary>
    public static string LegacyRateLimitBody(string fileName)
    {
        using var recorded = JsonDocument.Parse(CloseFixtures.Read(fileName));
        return recorded.RootElement.TryGetProperty("body", out var flat) ? flat.GetRawText() : recorded.RootElement.GetRawText();
    }

    public static CloseCreateCallRequest CreateRequest() => new()
    {
        LeadId = "lead_1",
        Direction = CloseCallDirection.Outbound,
        Phone = TestSecrets.PhoneNumber,
        Note = TestSecrets.Note,
        Duration = TimeSpan.FromSeconds(60),
    };

    public static CloseUpdateCallRequest UpdateRequest() => new() { Note = TestSecrets.Note, Duration = TimeSpan.FromSeconds(90) };
}

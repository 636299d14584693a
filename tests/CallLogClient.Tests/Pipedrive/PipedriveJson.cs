using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>Reads and writes Pipedrive payloads through the client's own source-generated context.</summary>
internal static class PipedriveJson
{
    public static PipedriveCallLog ReadCallLog(string json) =>
        JsonSerializer.Deserialize(json, PipedriveJsonContext.Default.PipedriveCallLog)!;

    public static JsonObject Write(PipedriveCreateCallLogRequest request) =>
        JsonNode.Parse(Encoding.UTF8.GetString(
            JsonSerializer.SerializeToUtf8Bytes(request, PipedriveJsonContext.Default.PipedriveCreateCallLogRequest)))!.AsObject();

    /// <summary>A valid request: the four required fields, times and outcome replaceable.</summary>
    public static PipedriveCreateCallLogRequest MinimalRequest(
        DateTimeOffset? start = null, DateTimeOffset? end = null, PipedriveCallOutcome? outcome = null) => new()
    {
        Outcome = outcome ?? PipedriveCallOutcome.Connected,
        ToPhoneNumber = "+3725550100",
        StartTime = start ?? new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero),
        EndTime = end ?? new DateTimeOffset(2024, 3, 1, 10, 5, 0, TimeSpan.Zero),
    };
}

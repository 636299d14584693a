using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Pipedrive;

/// <summary>Source-generated serialization for every Pipedrive payload: snake_case, nulls omitted on write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PipedriveResponse<PipedriveCallLog>))]
[JsonSerializable(typeof(PipedriveResponse<List<PipedriveCallLog>>))]
[JsonSerializable(typeof(PipedriveResponse<JsonElement>))]
[JsonSerializable(typeof(PipedriveCreateCallLogRequest))]
[JsonSerializable(typeof(PipedriveErrorBody))]
internal sealed partial class PipedriveJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace CallLogClient.Close.Outcomes;

/// <summary>Source-generated serialization for the Outcomes API: snake_case, like the rest of Close.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CloseOutcomeList))]
internal sealed partial class CloseOutcomesJsonContext : JsonSerializerContext;

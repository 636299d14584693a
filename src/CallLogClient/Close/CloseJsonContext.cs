using System.Text.Json.Serialization;
using CallLogClient.Close.Models;

namespace CallLogClient.Close;

/// <summary>Source-generated serialization for Close responses: snake_case, numbers also read from strings.</summary>
/// <remarks>Request bodies are written by <see cref="CloseCallRequestWriter"/>, which flattens custom fields.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CloseCallActivity))]
[JsonSerializable(typeof(CloseListResponse))]
internal sealed partial class CloseJsonContext : JsonSerializerContext;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>
/// Pipedrive times: written as <c>yyyy-MM-dd HH:mm:ss</c> in UTC (the documented input form); read from that form or
/// ISO 8601 (<c>2022-12-12T01:01:01.000Z</c>), a value without offset being UTC. An empty string reads as null.
/// </summary>
internal sealed class PipedriveDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a Pipedrive date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(Format(time));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);
}

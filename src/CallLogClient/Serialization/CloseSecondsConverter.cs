using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>
/// Close durations and transcript offsets: a number of seconds (<c>153</c>, <c>1.3</c>), also accepted as a string; an
/// empty string reads as null. Written as a number of seconds.
/// </summary>
internal sealed class CloseSecondsConverter : JsonConverter<TimeSpan?>
{
    public override bool HandleNull => true;

    public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return FromSeconds(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    ? FromSeconds(seconds)
                    : throw new JsonException($"'{text}' is not a number of seconds.");
            default:
                throw new JsonException($"Expected a number of seconds, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is { } duration)
        {
            writer.WriteNumberValue(duration.TotalSeconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static TimeSpan FromSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new JsonException("The number of seconds is out of range.");
}

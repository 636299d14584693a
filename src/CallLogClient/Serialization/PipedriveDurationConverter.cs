using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>
/// Pipedrive <c>duration</c>: written as a string of whole seconds (the spec's type); read from a string or a number of
/// seconds, or <c>HH:MM:SS</c>. An empty string reads as null.
/// </summary>
internal sealed class PipedriveDurationConverter : JsonConverter<TimeSpan?>
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

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return FromSeconds(seconds);
                }

                if (TimeSpan.TryParseExact(text, @"h\:mm\:ss", CultureInfo.InvariantCulture, out var clock))
                {
                    return clock;
                }

                throw new JsonException($"'{text}' is not a duration.");
            default:
                throw new JsonException($"Expected a duration, got {reader.TokenType}.");
        }
    }

    /// <summary>Seconds as a TimeSpan; NaN, infinities and values beyond TimeSpan are a JsonException, not an escape.</summary>
    private static TimeSpan FromSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new JsonException("The duration is not a number of seconds that a TimeSpan can hold.");

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is { } duration)
        {
            writer.WriteStringValue(((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

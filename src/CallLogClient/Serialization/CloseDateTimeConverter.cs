using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>
/// Close times. Read from ISO 8601 with or without a fraction (<c>2013-02-20T06:34:33.637000+00:00</c>,
/// <c>2013-02-01T00:51:33+00:00</c>); a value without offset (<c>2019-01-15T12:48:23.395000</c>) is UTC, and an empty
/// string reads as null. Written in UTC with an explicit <c>+00:00</c> offset, the way Close writes them: microseconds
/// when the value has a fraction of a second, none when it is a whole second.
/// </summary>
internal sealed class CloseDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string, got {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a Close date-time.");
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

    /// <summary><c>2024-01-15T10:00:00+00:00</c>, or <c>2024-01-15T10:00:00.250000+00:00</c> with a fraction (UTC, microseconds).</summary>
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }
}

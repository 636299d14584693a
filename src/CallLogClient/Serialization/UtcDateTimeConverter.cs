using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>
/// A provider's times: read from ISO 8601 or a space-separated form, with or without fraction and offset (a value
/// without offset is UTC); an empty string reads as null. Written in UTC in the provider's own format.
/// </summary>
internal abstract class UtcDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

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

        Span<char> buffer = stackalloc char[JsonText.MaxChars];
        return JsonText.TryCopy(in reader, buffer, out var text) ? Parse(text) : Parse(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(FormatUtc(time));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    protected abstract string FormatUtc(DateTimeOffset time);

    private static DateTimeOffset? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a date-time.");
    }
}

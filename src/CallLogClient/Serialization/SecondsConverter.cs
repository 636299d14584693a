using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>
/// A duration in seconds: read from a number or a numeric string (an empty string reads as null); written in the
/// provider's own form. Values no <see cref="TimeSpan"/> can hold are a <see cref="JsonException"/>, not an escape.
/// </summary>
internal abstract class SecondsConverter : JsonConverter<TimeSpan?>
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
                Span<char> buffer = stackalloc char[JsonText.MaxChars];
                return JsonText.TryCopy(in reader, buffer, out var text) ? Parse(text) : Parse(reader.GetString());
            default:
                throw new JsonException($"Expected a duration, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
    {
        if (value is { } duration)
        {
            WriteSeconds(writer, duration);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>A provider's other text form of a duration, if it has one.</summary>
    protected virtual bool TryParseOtherForm(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = default;
        return false;
    }

    private TimeSpan? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds);
        }

        return TryParseOtherForm(text, out var duration) ? duration : throw new JsonException($"'{text}' is not a duration.");
    }

    protected abstract void WriteSeconds(Utf8JsonWriter writer, TimeSpan duration);

    private static TimeSpan FromSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new JsonException("The duration is not a number of seconds that a TimeSpan can hold.");
}

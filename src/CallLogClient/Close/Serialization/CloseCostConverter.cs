using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close.Serialization;

/// <summary>
/// Close <c>cost</c>: a decimal number of US cents that arrives as a JSON string (<c>"2"</c>), a number or null. An
/// empty string reads as null. Written as a number.
/// </summary>
internal sealed class CloseCostConverter : JsonConverter<decimal?>
{
    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) ? number : throw new JsonException("The cost is out of range.");
            case JsonTokenType.String:
                Span<char> buffer = stackalloc char[JsonText.MaxChars];
                return JsonText.TryCopy(in reader, buffer, out var text) ? Parse(text) : Parse(reader.GetString());
            default:
                throw new JsonException($"Expected a cost, got {reader.TokenType}.");
        }
    }

    private static decimal? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace())
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost)
            ? cost
            : throw new JsonException($"'{text}' is not a cost.");
    }

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } cost)
        {
            writer.WriteNumberValue(cost);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>Reads any JSON string into an extensible enum and writes its raw value back. Never throws on a new value.</summary>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    public override bool HandleNull => false;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => T.FromValue(reader.GetString()!),
        JsonTokenType.Number => T.FromValue(Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.True or JsonTokenType.False => T.FromValue(reader.GetBoolean() ? "true" : "false"),
        _ => throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value.Value is { } raw)
        {
            writer.WriteStringValue(raw);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

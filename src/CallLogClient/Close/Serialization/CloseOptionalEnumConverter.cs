using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Serialization;

namespace CallLogClient.Close.Serialization;

/// <summary>
/// An optional Close enum value: null, an empty or blank string read as <see langword="null"/> (Close sends <c>""</c>
/// where it means "none"), anything else as <see cref="ExtensibleEnumConverter{T}"/> reads it.
/// </summary>
internal sealed class CloseOptionalEnumConverter<T> : JsonConverter<T?>
    where T : struct, IExtensibleEnum<T>
{
    private static readonly ExtensibleEnumConverter<T> Inner = new();

    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Inner.Read(ref reader, typeof(T), options);
        }

        Span<char> buffer = stackalloc char[JsonText.MaxChars];
        if (JsonText.TryCopy(in reader, buffer, out var text))
        {
            return text.IsWhiteSpace() ? null : ExtensibleEnumConverter<T>.FromText(text);
        }

        var value = reader.GetString();
        return string.IsNullOrWhiteSpace(value) ? null : T.FromValue(value);
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        if (value is { } known)
        {
            Inner.Write(writer, known, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

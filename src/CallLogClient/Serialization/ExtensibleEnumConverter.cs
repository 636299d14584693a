using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Serialization;

/// <summary>Reads any JSON string into an extensible enum and writes its raw value back. Never throws on a new value.</summary>
internal sealed class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <summary>How many distinct values per enum are kept for reuse; a server inventing values cannot grow it further.</summary>
    private const int MaxKept = 64;

    /// <summary>Values read before, by their exact text: a page of 100 calls shares one string per value instead of 100.</summary>
    private static readonly ConcurrentDictionary<string, T> Kept = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> KeptByText =
        Kept.GetAlternateLookup<ReadOnlySpan<char>>();

    public override bool HandleNull => false;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ReadString(ref reader),
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

    /// <summary>The value of <paramref name="text"/>, exactly as the server spelled it.</summary>
    public static T FromText(ReadOnlySpan<char> text)
    {
        if (KeptByText.TryGetValue(text, out var kept))
        {
            return kept;
        }

        var value = T.FromValue(text.ToString());
        if (Kept.Count < MaxKept)
        {
            Kept.TryAdd(value.Value!, value);
        }

        return value;
    }

    private static T ReadString(ref Utf8JsonReader reader)
    {
        Span<char> buffer = stackalloc char[JsonText.MaxChars];
        return JsonText.TryCopy(in reader, buffer, out var text) ? FromText(text) : T.FromValue(reader.GetString()!);
    }
}

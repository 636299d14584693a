using System.Text.Json;

namespace CallLogClient.Serialization;

/// <summary>
/// A short JSON string read into a caller's stack buffer instead of a new <see cref="string"/>: the converters parse
/// dates, numbers and enum values from it, and make a string only of what they keep.
/// </summary>
internal static class JsonText
{
    /// <summary>The buffer the converters give: longer than any date, number or documented enum value.</summary>
    public const int MaxChars = 64;

    /// <summary>
    /// The current string token, unescaped, in <paramref name="buffer"/>; <see langword="false"/> when it may not fit
    /// (then read it with <see cref="Utf8JsonReader.GetString"/>).
    /// </summary>
    public static bool TryCopy(in Utf8JsonReader reader, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            text = default;
            return false;
        }

        text = buffer[..reader.CopyString(buffer)];
        return true;
    }
}

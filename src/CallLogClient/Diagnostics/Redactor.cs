using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallLogClient.Diagnostics;

/// <summary>Masks personal data in text that may reach an exception or a log line.</summary>
internal static partial class Redactor
{
    public const int SnippetLength = 512;

    private const string Masked = "***";

    /// <summary>
    /// The values of the personal fields (notes, phone numbers, recording URLs, transcripts) of a JSON request body, so
    /// that a server echoing one back in an error cannot put it in an exception; empty for anything but a JSON object.
    /// </summary>
    public static IReadOnlyList<string> PersonalValues(ReadOnlySpan<byte> json)
    {
        var values = new List<string>();
        var reader = new Utf8JsonReader(json);
        try
        {
            var personal = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    personal = PersonalKey().IsMatch(reader.GetString()!);
                }
                else if (personal && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: >= 4 } value)
                {
                    values.Add(value);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to collect.
        }

        return values;
    }

    /// <summary>
    /// Server text made safe to print: every occurrence of <paramref name="secrets"/> masked, and control and format
    /// characters (an ESC that would drive a terminal, a CR/LF that would forge a log line, a bidi override) replaced
    /// by spaces.
    /// </summary>
    public static string? CleanServerText(string? text, IReadOnlyList<string> secrets)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, Masked, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.AsSpan().ContainsAnyExcept(PrintableAscii) ? string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = IsUnprintable(source[i]) ? ' ' : source[i];
            }
        }) : text;
    }

    /// <summary>Server text cleaned (<see cref="CleanServerText"/>), then anything shaped like a phone number masked.</summary>
    public static string? Mask(string? text, IReadOnlyList<string> values) => MaskPhoneNumbers(CleanServerText(text, values));

    /// <summary>Replaces every run that looks like a phone number (7 or more digits, with separators) by "***".</summary>
    public static string? MaskPhoneNumbers(string? text) =>
        text is null ? null : PhoneNumber().Replace(text, Masked);

    /// <summary>
    /// The start of a body for diagnostics: the values of personal fields (notes, phone numbers, recording URLs,
    /// transcripts) and anything shaped like a phone number masked first, then cut to <see cref="SnippetLength"/>.
    /// </summary>
    public static string? Snippet(string? body, IReadOnlyList<string> personalValues)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var masked = Mask(PersonalJsonValue().Replace(body, "\"${key}\":\"" + Masked + "\""), personalValues)!;
        return masked.Length <= SnippetLength ? masked : masked[..SnippetLength] + "…";
    }

    private static readonly System.Buffers.SearchValues<char> PrintableAscii =
        System.Buffers.SearchValues.Create(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).ToArray());

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format;

    [GeneratedRegex(@"\+?\d[\d\s\-().]{5,}\d")]
    private static partial Regex PhoneNumber();

    /// <summary>A JSON string member whose name says it holds personal data, e.g. <c>"note": "..."</c>, <c>"to_phone_number": "..."</c>.</summary>
    [GeneratedRegex(
        @"""(?<key>[\w\-]*(?:note|phone|recording|transcript|voicemail)[\w\-]*)""\s*:\s*""(?:[^""\\]|\\.)*""",
        RegexOptions.IgnoreCase)]
    private static partial Regex PersonalJsonValue();

    [GeneratedRegex("note|phone|recording|transcript|voicemail", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalKey();
}

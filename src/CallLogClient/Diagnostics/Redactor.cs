using System.Text.RegularExpressions;

namespace CallLogClient.Diagnostics;

/// <summary>Masks personal data in text that may reach an exception or a log line.</summary>
internal static partial class Redactor
{
    public const int SnippetLength = 512;

    private const string Mask = "***";

    /// <summary>Replaces every run that looks like a phone number (7 or more digits, with separators) by "***".</summary>
    public static string? MaskPhoneNumbers(string? text) =>
        text is null ? null : PhoneNumber().Replace(text, Mask);

    /// <summary>
    /// The start of a body for diagnostics: the values of personal fields (notes, phone numbers, recording URLs,
    /// transcripts) and anything shaped like a phone number masked first, then cut to <see cref="SnippetLength"/>.
    /// </summary>
    public static string? Snippet(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var masked = MaskPhoneNumbers(PersonalJsonValue().Replace(body, "\"${key}\":\"" + Mask + "\""))!;
        return masked.Length <= SnippetLength ? masked : masked[..SnippetLength] + "…";
    }

    [GeneratedRegex(@"\+?\d[\d\s\-().]{5,}\d")]
    private static partial Regex PhoneNumber();

    /// <summary>A JSON string member whose name says it holds personal data, e.g. <c>"note": "..."</c>, <c>"to_phone_number": "..."</c>.</summary>
    [GeneratedRegex(
        @"""(?<key>[\w\-]*(?:note|phone|recording|transcript|voicemail)[\w\-]*)""\s*:\s*""(?:[^""\\]|\\.)*""",
        RegexOptions.IgnoreCase)]
    private static partial Regex PersonalJsonValue();
}

using System.Text.RegularExpressions;

namespace CallLogClient.Diagnostics;

/// <summary>Masks personal data (phone numbers) in text that may reach an exception message or a log line.</summary>
internal static partial class Redactor
{
    public const int SnippetLength = 512;

    /// <summary>Replaces every run that looks like a phone number (7 or more digits, with separators) by "***".</summary>
    public static string? MaskPhoneNumbers(string? text) =>
        text is null ? null : PhoneNumber().Replace(text, "***");

    /// <summary>The start of a body, phone numbers masked, for diagnostics.</summary>
    public static string? Snippet(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        var head = body.Length <= SnippetLength ? body : body[..SnippetLength] + "…";
        return MaskPhoneNumbers(head);
    }

    [GeneratedRegex(@"\+?\d[\d\s\-().]{5,}\d")]
    private static partial Regex PhoneNumber();
}

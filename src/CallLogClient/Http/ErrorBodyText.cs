using System.Text;
using System.Text.RegularExpressions;

namespace CallLogClient.Http;

/// <summary>Makes a readable error message out of a body that is not the provider's JSON (HTML pages, plain text, nothing).</summary>
internal static partial class ErrorBodyText
{
    private const int MaxTextLength = 200;

    public static string? Describe(ReadOnlySpan<byte> body, string? mediaType)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (mediaType == "text/html" || text.StartsWith('<'))
        {
            var title = HtmlTitle().Match(text);
            return title.Success ? $"HTML page instead of JSON: {title.Groups[1].Value.Trim()}" : "HTML page instead of JSON";
        }

        return text.Length <= MaxTextLength ? text : text[..MaxTextLength] + "…";
    }

    public static bool LooksLikeJsonObject(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'{';
    }

    [GeneratedRegex("<title[^>]*>([^<]{1,200})</title>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTitle();
}

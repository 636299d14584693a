using System.Net;

namespace CallLogClient.Calls;

/// <summary>The comparisons a lookup uses, and the note and number helpers both providers share.</summary>
internal static class CallMatching
{
    /// <summary>Numbers compare by their digits and a leading plus, so <c>+1 650-555-1234</c> matches <c>+16505551234</c>.</summary>
    public static bool SameNumber(string? left, string? right) =>
        left is not null && right is not null && Normalize(left) is { Length: > 0 } a && a == Normalize(right);

    /// <summary>Instants compare to the whole second in UTC: both providers store seconds.</summary>
    public static bool SameSecond(DateTimeOffset? left, DateTimeOffset? right) =>
        left is { } a && right is { } b && a.UtcTicks / TimeSpan.TicksPerSecond == b.UtcTicks / TimeSpan.TicksPerSecond;

    public static bool SameWholeSeconds(TimeSpan? left, TimeSpan? right) =>
        left is { } a && right is { } b && (long)a.TotalSeconds == (long)b.TotalSeconds;

    /// <summary>Plain text as HTML: encoded, line breaks as <c>&lt;br /&gt;</c>.</summary>
    public static string HtmlOf(string text) =>
        WebUtility.HtmlEncode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br />", StringComparison.Ordinal);

    private static string Normalize(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? "" : (number.TrimStart().StartsWith('+') ? "+" : "") + digits;
    }
}

using System.Globalization;

namespace CallLogClient.Http;

/// <summary>Reads the standard <c>Retry-After</c> header: delta seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Parse(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return Clamp(delta);
        }

        if (header?.Date is { } date)
        {
            return Clamp(date - now);
        }

        return TryParseDecimalSeconds(response, "Retry-After");
    }

    /// <summary>The longest hint kept as given; anything longer (a year, 1e15 s) is read as this, far past any wait cap.</summary>
    public static readonly TimeSpan LongestHint = TimeSpan.FromDays(365);

    /// <summary>Reads a header holding seconds as a decimal number ("2", "0.4"); null when absent or malformed.</summary>
    public static TimeSpan? TryParseDecimalSeconds(HttpResponseMessage response, string headerName) =>
        response.Headers.NonValidated.TryGetValues(headerName, out var values)
        && decimal.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0
            ? (seconds >= (decimal)LongestHint.TotalSeconds ? LongestHint : TimeSpan.FromSeconds((double)seconds))
            : null;

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestHint ? LongestHint : wait;
}

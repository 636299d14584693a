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
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return TryParseDecimalSeconds(response, "Retry-After");
    }

    /// <summary>Reads a header holding seconds as a decimal number ("2", "0.4"); null when absent or malformed.</summary>
    public static TimeSpan? TryParseDecimalSeconds(HttpResponseMessage response, string headerName) =>
        response.Headers.NonValidated.TryGetValues(headerName, out var values)
        && decimal.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0
            ? TimeSpan.FromSeconds((double)seconds)
            : null;
}

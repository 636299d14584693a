using System.Globalization;
using CallLogClient.Serialization;

namespace CallLogClient.Close.Serialization;

/// <summary>
/// Close times. Read from <c>2013-02-20T06:34:33.637000+00:00</c>, <c>2013-02-01T00:51:33+00:00</c> or the naive
/// <c>2019-01-15T12:48:23.395000</c> (UTC). Written in UTC with an explicit <c>+00:00</c> offset, the way Close writes
/// them: microseconds when the value has a fraction of a second, none when it is a whole second.
/// </summary>
internal sealed class CloseDateTimeConverter : UtcDateTimeConverter
{
    /// <summary><c>2024-01-15T10:00:00+00:00</c>, or <c>2024-01-15T10:00:00.250000+00:00</c> with a fraction (UTC, microseconds).</summary>
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    protected override string FormatUtc(DateTimeOffset time) => Format(time);
}

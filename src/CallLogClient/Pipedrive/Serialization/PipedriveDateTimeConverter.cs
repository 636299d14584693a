using System.Globalization;
using CallLogClient.Serialization;

namespace CallLogClient.Pipedrive.Serialization;

/// <summary>
/// Pipedrive times: written as <c>yyyy-MM-dd HH:mm:ss</c> in UTC (the documented input form); read from that form or
/// ISO 8601 (<c>2022-12-12T01:01:01.000Z</c>).
/// </summary>
internal sealed class PipedriveDateTimeConverter : UtcDateTimeConverter
{
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);

    protected override string FormatUtc(DateTimeOffset time) => Format(time);
}

using System.Globalization;

namespace CallLogClient.Sample.Export;

/// <summary>How exported values are written, the same in CSV and JSON Lines: UTC ISO 8601 times, whole seconds.</summary>
internal static class ExportValues
{
    public static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static long? Seconds(TimeSpan? duration) => duration is { } value ? (long)value.TotalSeconds : null;

    public static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Text(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    /// <summary>An extensible enum's raw text, or <see langword="null"/> when absent or empty.</summary>
    public static string? Raw(string? value) => value is { Length: > 0 } ? value : null;
}

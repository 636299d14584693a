using System.Globalization;
using System.Text.Json;
using CallLogClient.Serialization;

namespace CallLogClient.Pipedrive.Serialization;

/// <summary>
/// Pipedrive <c>duration</c>: written as a string of whole seconds (the spec's type); read from a string or a number of
/// seconds, or <c>HH:MM:SS</c>.
/// </summary>
internal sealed class PipedriveDurationConverter : SecondsConverter
{
    protected override bool TryParseOtherForm(ReadOnlySpan<char> text, out TimeSpan duration) =>
        TimeSpan.TryParseExact(text, @"h\:mm\:ss", CultureInfo.InvariantCulture, out duration);

    protected override void WriteSeconds(Utf8JsonWriter writer, TimeSpan duration) =>
        writer.WriteStringValue(((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
}

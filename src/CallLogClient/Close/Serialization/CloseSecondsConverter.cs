using System.Text.Json;
using CallLogClient.Serialization;

namespace CallLogClient.Close.Serialization;

/// <summary>Close durations and transcript offsets: a number of seconds (<c>153</c>, <c>1.3</c>), written as a number.</summary>
internal sealed class CloseSecondsConverter : SecondsConverter
{
    protected override void WriteSeconds(Utf8JsonWriter writer, TimeSpan duration) => writer.WriteNumberValue(duration.TotalSeconds);
}

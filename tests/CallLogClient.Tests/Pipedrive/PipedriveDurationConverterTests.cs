using System.Text.Json;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Pipedrive.Serialization;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveDurationConverterTests
{
    [Theory]
    [InlineData("\"0\"", 0)] // the spec's examples
    [InlineData("\"60\"", 60)]
    [InlineData("60", 60)] // old clients send a number
    [InlineData("0", 0)]
    [InlineData("\"90.5\"", 90.5)]
    [InlineData("12.25", 12.25)]
    [InlineData("\"00:01:30\"", 90)]
    [InlineData("\"1:02:03\"", 3723)]
    [InlineData("\"01:00:00\"", 3600)]
    public void Reads_strings_numbers_and_clock_times(string wire, double seconds)
    {
        var callLog = PipedriveJson.ReadCallLog($$"""{"duration":{{wire}}}""");

        Assert.Equal(TimeSpan.FromSeconds(seconds), callLog.Duration);
    }

    [Theory]
    [InlineData("""{"duration":""}""")]
    [InlineData("""{"duration":" "}""")]
    [InlineData("""{"duration":null}""")]
    [InlineData("{}")]
    public void Reads_empty_null_and_absent_as_null(string json) =>
        Assert.Null(PipedriveJson.ReadCallLog(json).Duration);

    [Theory]
    [InlineData("""{"duration":"about a minute"}""")]
    [InlineData("""{"duration":true}""")]
    [InlineData("""{"duration":{}}""")]
    [InlineData("""{"duration":"1e300"}""")] // beyond TimeSpan: must not escape as OverflowException
    [InlineData("""{"duration":1e300}""")]
    [InlineData("""{"duration":"NaN"}""")] // must not escape as ArgumentException
    [InlineData("""{"duration":"Infinity"}""")]
    public void Rejects_what_is_not_a_duration_with_a_JsonException(string json) =>
        Assert.Throws<JsonException>(() => PipedriveJson.ReadCallLog(json));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(60, "60")]
    [InlineData(3723, "3723")]
    public void Writes_whole_seconds_as_a_string(int seconds, string expected)
    {
        var body = PipedriveJson.Write(new PipedriveCreateCallLogRequest
        {
            Outcome = PipedriveCallOutcome.Connected,
            ToPhoneNumber = "+3725550100",
            StartTime = DateTimeOffset.UnixEpoch,
            EndTime = DateTimeOffset.UnixEpoch,
            Duration = TimeSpan.FromSeconds(seconds),
        });

        Assert.Equal(JsonValueKind.String, body["duration"]!.GetValueKind());
        Assert.Equal(expected, body["duration"]!.GetValue<string>());
    }

    [Fact]
    public void Omits_an_unset_duration()
    {
        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest());

        Assert.False(body.ContainsKey("duration"));
    }
}

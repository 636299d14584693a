using System.Text.Json;
using CallLogClient.Pipedrive.Serialization;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveDateTimeConverterTests
{
    private static readonly DateTimeOffset Expected = new(2022, 12, 12, 1, 1, 1, TimeSpan.Zero);

    [Theory]
    [InlineData("2022-12-12T01:01:01.000Z")] // what the API returns
    [InlineData("2022-12-12 01:01:01")] // the documented input form, UTC without a marker
    [InlineData("2022-12-12T01:01:01")]
    [InlineData("2022-12-12T01:01:01Z")]
    [InlineData("2022-12-12T03:01:01+02:00")]
    [InlineData("2022-12-11T20:01:01.000-05:00")]
    public void Reads_both_formats_as_the_same_UTC_instant(string wire)
    {
        var callLog = PipedriveJson.ReadCallLog($$"""{"id":"a","start_time":"{{wire}}","end_time":"{{wire}}"}""");

        Assert.Equal(Expected, callLog.StartTime);
        Assert.Equal(TimeSpan.Zero, callLog.StartTime!.Value.Offset);
        Assert.Equal(Expected, callLog.EndTime);
    }

    [Fact]
    public void Keeps_fractional_seconds_when_reading()
    {
        var callLog = PipedriveJson.ReadCallLog("""{"start_time":"2022-12-12T01:01:01.250Z"}""");

        Assert.Equal(Expected.AddMilliseconds(250), callLog.StartTime);
    }

    [Theory]
    [InlineData("""{"start_time":null}""")]
    [InlineData("""{"start_time":""}""")]
    [InlineData("""{"start_time":"  "}""")]
    [InlineData("{}")]
    public void Reads_null_empty_and_absent_as_null(string json) =>
        Assert.Null(PipedriveJson.ReadCallLog(json).StartTime);

    [Theory]
    [InlineData("""{"start_time":"yesterday"}""")]
    [InlineData("""{"start_time":1670806861}""")]
    [InlineData("""{"start_time":true}""")]
    public void Rejects_what_is_not_a_date_with_a_JsonException(string json) =>
        Assert.Throws<JsonException>(() => PipedriveJson.ReadCallLog(json));

    [Fact]
    public void Writes_a_UTC_offset_time_as_is()
    {
        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(
            start: new DateTimeOffset(2024, 3, 1, 9, 8, 7, TimeSpan.Zero),
            end: new DateTimeOffset(2024, 3, 1, 9, 9, 7, TimeSpan.Zero)));

        Assert.Equal("2024-03-01 09:08:07", body["start_time"]!.GetValue<string>());
        Assert.Equal("2024-03-01 09:09:07", body["end_time"]!.GetValue<string>());
    }

    [Fact]
    public void Converts_an_offset_time_to_UTC_across_midnight()
    {
        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(
            start: new DateTimeOffset(2024, 3, 1, 1, 30, 0, TimeSpan.FromHours(5.5)),
            end: new DateTimeOffset(2024, 2, 29, 21, 0, 0, TimeSpan.FromHours(-5))));

        Assert.Equal("2024-02-29 20:00:00", body["start_time"]!.GetValue<string>());
        Assert.Equal("2024-03-01 02:00:00", body["end_time"]!.GetValue<string>());
    }

    [Fact]
    public void Converts_a_UTC_DateTime()
    {
        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(
            start: new DateTime(2024, 7, 4, 23, 59, 59, DateTimeKind.Utc),
            end: new DateTime(2024, 7, 5, 0, 0, 1, DateTimeKind.Utc)));

        Assert.Equal("2024-07-04 23:59:59", body["start_time"]!.GetValue<string>());
        Assert.Equal("2024-07-05 00:00:01", body["end_time"]!.GetValue<string>());
    }

    [Fact]
    public void A_local_noon_in_the_test_time_zone_goes_out_as_half_past_six_UTC()
    {
        var noon = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Local); // the test run is at +05:30 (tests.runsettings)

        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(start: noon, end: noon.AddMinutes(1)));

        Assert.Equal("2024-01-15 06:30:00", body["start_time"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)] // .NET converts Unspecified as local time, as the property documents
    public void Converts_a_local_DateTime_to_UTC(DateTimeKind kind)
    {
        var local = new DateTime(2024, 1, 15, 12, 0, 0, kind);

        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(start: local, end: local.AddMinutes(1)));

        var expected = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Local));
        Assert.Equal(expected.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), body["start_time"]!.GetValue<string>());
    }

    [Fact]
    public void Drops_fractional_seconds_when_writing()
    {
        var start = new DateTimeOffset(2024, 3, 1, 10, 0, 0, 999, TimeSpan.Zero);

        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(start: start, end: start.AddSeconds(1)));

        Assert.Equal("2024-03-01 10:00:00", body["start_time"]!.GetValue<string>());
    }

    [Fact]
    public void Writes_with_the_invariant_culture_whatever_the_current_one()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA"); // another calendar
        try
        {
            var body = PipedriveJson.Write(PipedriveJson.MinimalRequest());

            Assert.Equal("2024-03-01 10:00:00", body["start_time"]!.GetValue<string>());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}

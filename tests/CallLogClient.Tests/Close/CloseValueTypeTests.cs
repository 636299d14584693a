using System.Text.Json;
using CallLogClient.Close;
using CallLogClient.Close.Serialization;

namespace CallLogClient.Tests.Close;

public sealed class CloseValueTypeTests
{
    [Theory]
    [InlineData("2024-01-15T10:00:00+00:00", "2024-01-15T10:00:00+00:00")]
    [InlineData("2024-01-15T12:00:00+02:00", "2024-01-15T10:00:00+00:00")]
    [InlineData("2024-01-15T05:00:00.25-05:00", "2024-01-15T10:00:00.250000+00:00")]
    [InlineData("2013-02-20T06:34:33.637+00:00", "2013-02-20T06:34:33.637000+00:00")]
    public void Times_are_written_in_utc_with_an_explicit_offset_and_microseconds_only_when_there_is_a_fraction(string time, string expected)
    {
        var value = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, CloseDateTimeConverter.Format(value));
        Assert.Equal(expected, new CloseDateValue(value).ToString());
    }

    [Fact]
    public void A_date_bound_is_written_as_a_plain_date_and_default_as_nothing()
    {
        CloseDateValue date = new DateOnly(2024, 1, 15);

        Assert.Equal("2024-01-15", date.ToString());
        Assert.Equal(new DateOnly(2024, 1, 15), date.Date);
        Assert.Null(date.Time);
        Assert.Equal("", default(CloseDateValue).ToString());
        Assert.Equal(CloseDateValue.FromDateOnly(new DateOnly(2024, 1, 15)), date);
        Assert.NotEqual(CloseDateValue.FromDateTimeOffset(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero)), date);
    }

    [Fact]
    public void Between_builds_a_half_open_range()
    {
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var range = CloseDateRange.Between(from, new DateOnly(2024, 2, 1));

        Assert.Equal(from, range.GreaterThanOrEqual?.Time);
        Assert.Equal(new DateOnly(2024, 2, 1), range.LessThan?.Date);
        Assert.Null(range.GreaterThan);
        Assert.Null(range.LessThanOrEqual);
    }

    [Fact]
    public void Every_documented_enum_value_is_known()
    {
        Assert.All(
            new[]
            {
                CloseCallDisposition.Answered, CloseCallDisposition.NoAnswer, CloseCallDisposition.VoicemailAnswered,
                CloseCallDisposition.VoicemailLeft, CloseCallDisposition.Busy, CloseCallDisposition.Blocked,
                CloseCallDisposition.Error, CloseCallDisposition.Abandoned,
            },
            value => Assert.True(value.IsKnown));
        Assert.Equal(
            ["answered", "no-answer", "vm-answer", "vm-left", "busy", "blocked", "error", "abandoned"],
            new[]
            {
                CloseCallDisposition.Answered, CloseCallDisposition.NoAnswer, CloseCallDisposition.VoicemailAnswered,
                CloseCallDisposition.VoicemailLeft, CloseCallDisposition.Busy, CloseCallDisposition.Blocked,
                CloseCallDisposition.Error, CloseCallDisposition.Abandoned,
            }.Select(value => value.Value));
        Assert.Equal(
            ["created", "in-progress", "completed", "cancel", "no-answer", "busy", "failed", "timeout"],
            new[]
            {
                CloseCallStatus.Created, CloseCallStatus.InProgress, CloseCallStatus.Completed, CloseCallStatus.Cancel,
                CloseCallStatus.NoAnswer, CloseCallStatus.Busy, CloseCallStatus.Failed, CloseCallStatus.Timeout,
            }.Where(value => value.IsKnown).Select(value => value.Value));
        Assert.Equal(
            ["regular", "power", "predictive", "external"],
            new[] { CloseCallMethod.Regular, CloseCallMethod.Power, CloseCallMethod.Predictive, CloseCallMethod.External }
                .Where(value => value.IsKnown).Select(value => value.Value));
        Assert.Equal(
            ["inbound", "outbound"],
            new[] { CloseCallDirection.Inbound, CloseCallDirection.Outbound }.Where(value => value.IsKnown).Select(value => value.Value));
        Assert.Equal(
            ["Close.io", "External"],
            new[] { CloseCallSource.CloseIo, CloseCallSource.External }.Where(value => value.IsKnown).Select(value => value.Value));
        Assert.Equal(
            ["contact", "close-user"],
            new[] { CloseTranscriptSpeakerSide.Contact, CloseTranscriptSpeakerSide.CloseUser }
                .Where(value => value.IsKnown).Select(value => value.Value));
    }

    [Fact]
    public void Enum_values_compare_ignoring_case_and_convert_from_strings()
    {
        CloseCallStatus status = "IN-PROGRESS";

        Assert.Equal(CloseCallStatus.InProgress, status);
        Assert.True(status == CloseCallStatus.InProgress);
        Assert.False(status != CloseCallStatus.InProgress);
        Assert.Equal(CloseCallStatus.InProgress.GetHashCode(), status.GetHashCode());
        Assert.Equal("IN-PROGRESS", status.ToString());
        Assert.Equal("", default(CloseCallStatus).ToString());
        Assert.False(default(CloseCallStatus).IsKnown);
    }

    [Fact]
    public void An_enum_value_made_in_code_must_not_be_blank()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CloseCallMethod(" "));

        Assert.Equal("value", exception.ParamName);
    }

    [Fact]
    public void A_bare_enum_reads_an_empty_string_without_throwing()
    {
        var status = JsonSerializer.Deserialize("\"\"", CloseJsonContextForTests.Default.CloseCallStatus);

        Assert.Equal("", status.Value);
        Assert.False(status.IsKnown);
    }
}

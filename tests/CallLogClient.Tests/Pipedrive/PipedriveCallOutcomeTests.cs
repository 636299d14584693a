using CallLogClient.Pipedrive;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveCallOutcomeTests
{
    public static TheoryData<PipedriveCallOutcome, string> Documented => new()
    {
        { PipedriveCallOutcome.Connected, "connected" },
        { PipedriveCallOutcome.NoAnswer, "no_answer" },
        { PipedriveCallOutcome.LeftMessage, "left_message" },
        { PipedriveCallOutcome.LeftVoicemail, "left_voicemail" },
        { PipedriveCallOutcome.WrongNumber, "wrong_number" },
        { PipedriveCallOutcome.Busy, "busy" },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void Documented_outcomes_are_known_and_keep_their_wire_text(PipedriveCallOutcome outcome, string wire)
    {
        Assert.Equal(wire, outcome.Value);
        Assert.Equal(wire, outcome.ToString());
        Assert.True(outcome.IsKnown);
        Assert.Equal(outcome, PipedriveJson.ReadCallLog($$"""{"outcome":"{{wire}}"}""").Outcome);
    }

    [Fact]
    public void An_unknown_value_reads_without_error_and_round_trips()
    {
        var callLog = PipedriveJson.ReadCallLog("""{"outcome":"transferred_to_queue"}""");

        var outcome = callLog.Outcome!.Value;
        Assert.Equal("transferred_to_queue", outcome.Value);
        Assert.False(outcome.IsKnown);

        var body = PipedriveJson.Write(PipedriveJson.MinimalRequest(outcome: outcome));
        Assert.Equal("transferred_to_queue", body["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"outcome":""}""", "")]
    [InlineData("""{"outcome":" "}""", " ")]
    [InlineData("""{"outcome":7}""", "7")]
    public void Odd_server_values_never_throw(string json, string raw)
    {
        var outcome = PipedriveJson.ReadCallLog(json).Outcome;

        Assert.Equal(raw, outcome?.Value);
        Assert.False(outcome?.IsKnown);
    }

    [Fact]
    public void A_null_or_absent_outcome_reads_as_null()
    {
        Assert.Null(PipedriveJson.ReadCallLog("""{"outcome":null}""").Outcome);
        Assert.Null(PipedriveJson.ReadCallLog("{}").Outcome);
    }

    [Fact]
    public void Equality_ignores_case()
    {
        var shouted = new PipedriveCallOutcome("NO_ANSWER");

        Assert.Equal(PipedriveCallOutcome.NoAnswer, shouted);
        Assert.True(shouted == PipedriveCallOutcome.NoAnswer);
        Assert.False(shouted != PipedriveCallOutcome.NoAnswer);
        Assert.True(shouted.Equals((object)PipedriveCallOutcome.NoAnswer));
        Assert.Equal(PipedriveCallOutcome.NoAnswer.GetHashCode(), shouted.GetHashCode());
        Assert.True(shouted.IsKnown);
        Assert.Equal("NO_ANSWER", shouted.Value); // the raw text is kept
    }

    [Fact]
    public void Different_values_are_not_equal()
    {
        Assert.NotEqual(PipedriveCallOutcome.Busy, PipedriveCallOutcome.Connected);
        Assert.True(PipedriveCallOutcome.Busy != "connected");
        Assert.NotEqual(default, PipedriveCallOutcome.Busy);
    }

    [Fact]
    public void The_implicit_conversion_wraps_the_raw_value()
    {
        PipedriveCallOutcome outcome = "left_voicemail";

        Assert.Equal(PipedriveCallOutcome.LeftVoicemail, outcome);
    }

    [Fact]
    public void Default_has_no_value_and_is_not_known()
    {
        var outcome = default(PipedriveCallOutcome);

        Assert.Null(outcome.Value);
        Assert.False(outcome.IsKnown);
        Assert.Equal("", outcome.ToString());
        Assert.Equal(0, outcome.GetHashCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_caller_cannot_build_an_empty_outcome(string? value)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new PipedriveCallOutcome(value!));

        Assert.Equal("value", exception.ParamName);
    }
}

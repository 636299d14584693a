using CallLogClient.Calls;
using CallLogClient.Close;
using CallLogClient.Pipedrive;

namespace CallLogClient.Tests.Calls;

/// <summary>The README's mapping table, row by row, both ways; unknown values stay unknown and keep their raw text.</summary>
public sealed class CallOutcomeMapTests
{
    /// <summary>Every Close disposition, its neutral outcome, and the Pipedrive outcome that neutral outcome is written as.</summary>
    public static TheoryData<string, string, string, bool> CloseRows => new()
    {
        { "answered", "answered", "connected", true },
        { "no-answer", "no-answer", "no_answer", true },
        { "vm-answer", "voicemail-reached", "no_answer", false },
        { "vm-left", "voicemail-left", "left_voicemail", true },
        { "busy", "busy", "busy", true },
        { "blocked", "blocked", "wrong_number", false },
        { "error", "failed", "no_answer", false },
        { "abandoned", "abandoned", "no_answer", false },
    };

    /// <summary>Every Pipedrive outcome, its neutral outcome, and the Close disposition that neutral outcome corresponds to.</summary>
    public static TheoryData<string, string, string, bool> PipedriveRows => new()
    {
        { "connected", "answered", "answered", true },
        { "no_answer", "no-answer", "no-answer", true },
        { "left_message", "message-left", "answered", false },
        { "left_voicemail", "voicemail-left", "vm-left", true },
        { "wrong_number", "wrong-number", "blocked", false },
        { "busy", "busy", "busy", true },
    };

    [Theory]
    [MemberData(nameof(CloseRows))]
    public void A_close_disposition_reads_as_its_neutral_outcome_and_writes_back_unchanged(
        string disposition, string neutral, string pipedrive, bool pipedriveExact)
    {
        var outcome = CallOutcomeMap.FromClose(new CloseCallDisposition(disposition));
        var back = CallOutcomeMap.ToClose(outcome, out var exact);
        var across = CallOutcomeMap.ToPipedrive(outcome, out var acrossExact);

        Assert.Equal(new CallOutcome(neutral), outcome);
        Assert.True(outcome.IsStandard);
        Assert.Equal(new CloseCallDisposition(disposition), back);
        Assert.True(exact);
        Assert.Equal(new PipedriveCallOutcome(pipedrive), across);
        Assert.Equal(pipedriveExact, acrossExact);
    }

    [Theory]
    [MemberData(nameof(PipedriveRows))]
    public void A_pipedrive_outcome_reads_as_its_neutral_outcome_and_writes_back_unchanged(
        string pipedrive, string neutral, string disposition, bool closeExact)
    {
        var outcome = CallOutcomeMap.FromPipedrive(new PipedriveCallOutcome(pipedrive));
        var back = CallOutcomeMap.ToPipedrive(outcome, out var exact);
        var across = CallOutcomeMap.ToClose(outcome, out var acrossExact);

        Assert.Equal(new CallOutcome(neutral), outcome);
        Assert.Equal(new PipedriveCallOutcome(pipedrive), back);
        Assert.True(exact);
        Assert.Equal(new CloseCallDisposition(disposition), across);
        Assert.Equal(closeExact, acrossExact);
    }

    [Fact]
    public void Every_documented_value_of_both_providers_has_a_row()
    {
        var closeValues = CloseRows.Select(row => (string)row[0]).ToHashSet();
        var pipedriveValues = PipedriveRows.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(8, closeValues.Count);
        Assert.All(closeValues, value => Assert.True(new CloseCallDisposition(value).IsKnown));
        Assert.Equal(6, pipedriveValues.Count);
        Assert.All(pipedriveValues, value => Assert.True(new PipedriveCallOutcome(value).IsKnown));
    }

    [Fact]
    public void An_unknown_close_disposition_reads_as_unknown()
    {
        Assert.Equal(CallOutcome.Unknown, CallOutcomeMap.FromClose(new CloseCallDisposition("machine-detected")));
        Assert.Equal(CallOutcome.Unknown, CallOutcomeMap.FromClose(null));
    }

    [Fact]
    public void An_unknown_pipedrive_outcome_reads_as_unknown()
    {
        Assert.Equal(CallOutcome.Unknown, CallOutcomeMap.FromPipedrive(new PipedriveCallOutcome("voicemail_full")));
        Assert.Equal(CallOutcome.Unknown, CallOutcomeMap.FromPipedrive(null));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("transferred")]
    public void A_neutral_outcome_with_no_provider_value_maps_to_none(string neutral)
    {
        Assert.Null(CallOutcomeMap.ToPipedrive(new CallOutcome(neutral), out var pipedriveExact));
        Assert.Null(CallOutcomeMap.ToClose(new CallOutcome(neutral), out var closeExact));
        Assert.False(pipedriveExact);
        Assert.False(closeExact);
        Assert.Equal(neutral == "unknown", new CallOutcome(neutral).IsStandard);
    }
}

using CallLogClient.Close;
using CallLogClient.Pipedrive;

namespace CallLogClient.Calls;

/// <summary>
/// The explicit mapping between each provider's call outcome and <see cref="CallOutcome"/>. Each provider's own values
/// map one to one (reading a value and writing it back gives the same value); a neutral outcome the provider has no value
/// for maps to its nearest value, which the write reports in <see cref="CallLogResult.NotStored"/>. A provider value this
/// table does not know reads as <see cref="CallOutcome.Unknown"/>; the caller keeps the raw value.
/// </summary>
public static class CallOutcomeMap
{
    private static readonly (CloseCallDisposition Close, CallOutcome Neutral)[] CloseTable =
    [
        (CloseCallDisposition.Answered, CallOutcome.Answered),
        (CloseCallDisposition.NoAnswer, CallOutcome.NoAnswer),
        (CloseCallDisposition.VoicemailAnswered, CallOutcome.VoicemailReached),
        (CloseCallDisposition.VoicemailLeft, CallOutcome.VoicemailLeft),
        (CloseCallDisposition.Busy, CallOutcome.Busy),
        (CloseCallDisposition.Blocked, CallOutcome.Blocked),
        (CloseCallDisposition.Error, CallOutcome.Failed),
        (CloseCallDisposition.Abandoned, CallOutcome.Abandoned),
    ];

    private static readonly (CallOutcome Neutral, CloseCallDisposition Close)[] CloseNearest =
    [
        (CallOutcome.MessageLeft, CloseCallDisposition.Answered),
        (CallOutcome.WrongNumber, CloseCallDisposition.Blocked),
    ];

    private static readonly (PipedriveCallOutcome Pipedrive, CallOutcome Neutral)[] PipedriveTable =
    [
        (PipedriveCallOutcome.Connected, CallOutcome.Answered),
        (PipedriveCallOutcome.NoAnswer, CallOutcome.NoAnswer),
        (PipedriveCallOutcome.LeftMessage, CallOutcome.MessageLeft),
        (PipedriveCallOutcome.LeftVoicemail, CallOutcome.VoicemailLeft),
        (PipedriveCallOutcome.WrongNumber, CallOutcome.WrongNumber),
        (PipedriveCallOutcome.Busy, CallOutcome.Busy),
    ];

    private static readonly (CallOutcome Neutral, PipedriveCallOutcome Pipedrive)[] PipedriveNearest =
    [
        (CallOutcome.VoicemailReached, PipedriveCallOutcome.NoAnswer),
        (CallOutcome.Blocked, PipedriveCallOutcome.WrongNumber),
        (CallOutcome.Failed, PipedriveCallOutcome.NoAnswer),
        (CallOutcome.Abandoned, PipedriveCallOutcome.NoAnswer),
    ];

    /// <summary>The neutral outcome of a Close disposition; <see cref="CallOutcome.Unknown"/> for none or an unknown one.</summary>
    /// <param name="disposition">The call's <c>disposition</c>.</param>
    /// <returns>The neutral outcome.</returns>
    public static CallOutcome FromClose(CloseCallDisposition? disposition) => FromProvider(CloseTable, disposition);

    /// <summary>The Close disposition of a neutral outcome: its own value, or the nearest one.</summary>
    /// <param name="outcome">The neutral outcome.</param>
    /// <param name="exact"><see langword="false"/> when the disposition is only the nearest value.</param>
    /// <returns>The disposition, or <see langword="null"/> for <see cref="CallOutcome.Unknown"/> and unknown values.</returns>
    public static CloseCallDisposition? ToClose(CallOutcome outcome, out bool exact) =>
        ToProvider(CloseTable, CloseNearest, outcome, out exact);

    /// <summary>The neutral outcome of a Pipedrive outcome; <see cref="CallOutcome.Unknown"/> for none or an unknown one.</summary>
    /// <param name="outcome">The call log's <c>outcome</c>.</param>
    /// <returns>The neutral outcome.</returns>
    public static CallOutcome FromPipedrive(PipedriveCallOutcome? outcome) => FromProvider(PipedriveTable, outcome);

    /// <summary>The Pipedrive outcome of a neutral outcome: its own value, or the nearest one.</summary>
    /// <param name="outcome">The neutral outcome.</param>
    /// <param name="exact"><see langword="false"/> when the Pipedrive outcome is only the nearest value.</param>
    /// <returns>The Pipedrive outcome, or <see langword="null"/> for <see cref="CallOutcome.Unknown"/> and unknown values.</returns>
    public static PipedriveCallOutcome? ToPipedrive(CallOutcome outcome, out bool exact) =>
        ToProvider(PipedriveTable, PipedriveNearest, outcome, out exact);

    private static CallOutcome FromProvider<TValue>((TValue Provider, CallOutcome Neutral)[] table, TValue? value)
        where TValue : struct, IEquatable<TValue>
    {
        foreach (var (provider, neutral) in table)
        {
            if (value is { } known && known.Equals(provider))
            {
                return neutral;
            }
        }

        return CallOutcome.Unknown;
    }

    private static TValue? ToProvider<TValue>(
        (TValue Provider, CallOutcome Neutral)[] table, (CallOutcome Neutral, TValue Provider)[] nearest, CallOutcome outcome, out bool exact)
        where TValue : struct
    {
        exact = true;
        foreach (var (provider, neutral) in table)
        {
            if (neutral == outcome)
            {
                return provider;
            }
        }

        exact = false;
        foreach (var (neutral, provider) in nearest)
        {
            if (neutral == outcome)
            {
                return provider;
            }
        }

        return null;
    }
}

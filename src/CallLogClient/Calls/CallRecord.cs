namespace CallLogClient.Calls;

/// <summary>
/// One call, in terms neither CRM owns: what a dialer or PBX knows after a call. <see cref="ICallLogWriter"/> writes it to
/// the configured provider and reads call logs back in the same shape; what the provider cannot hold is reported, never
/// dropped silently (<see cref="CallLogResult.NotStored"/>).
/// </summary>
/// <remarks>
/// A write needs <see cref="Start"/>, <see cref="End"/> (not before the start) and the remote party's number
/// (<see cref="ToNumber"/> for an outbound call, <see cref="FromNumber"/> for an inbound one). <see cref="ToString"/>
/// never prints a number, a note or a link.
/// </remarks>
public sealed class CallRecord
{
    /// <summary>The provider's id of the call log; set on records read back, ignored on writes.</summary>
    public string? Id { get; init; }

    /// <summary>The provider a record was read from; ignored on writes.</summary>
    public CallLogProvider? Provider { get; init; }

    /// <summary>Which way the call went; <see langword="null"/> when unknown (Pipedrive keeps no direction).</summary>
    public CallDirection? Direction { get; init; }

    /// <summary>The number that placed the call.</summary>
    public string? FromNumber { get; init; }

    /// <summary>The number that was called.</summary>
    public string? ToNumber { get; init; }

    /// <summary>When the call started.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>When the call ended.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>How long the parties talked; <see cref="End"/> − <see cref="Start"/> when <see langword="null"/>.</summary>
    public TimeSpan? TalkDuration { get; init; }

    /// <summary>How the call ended, in neutral terms.</summary>
    public CallOutcome Outcome { get; init; } = CallOutcome.Unknown;

    /// <summary>
    /// The provider's own outcome value as read (Pipedrive <c>outcome</c>; Close <c>disposition</c>, or its
    /// <c>status</c> when the call has no disposition), kept even when <see cref="Outcome"/> is
    /// <see cref="CallOutcome.Unknown"/>. Ignored on writes.
    /// </summary>
    public string? ProviderOutcome { get; init; }

    /// <summary>Close: the organization's custom outcome (<c>outcome_…</c>).</summary>
    public string? CustomOutcomeId { get; init; }

    /// <summary>Close: the custom outcome's name, resolved through the Outcomes API on reads; ignored on writes.</summary>
    public string? CustomOutcomeName { get; init; }

    /// <summary>Pipedrive: the subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The note, in <see cref="NoteFormat"/>.</summary>
    public string? Note { get; init; }

    /// <summary>What <see cref="Note"/> holds; records read back carry HTML.</summary>
    public CallNoteFormat NoteFormat { get; init; } = CallNoteFormat.PlainText;

    /// <summary>The recording to store with the call: an upload (Pipedrive) or a URL (Close).</summary>
    public CallRecording? Recording { get; init; }

    /// <summary>Whether the provider holds a recording; set on records read back.</summary>
    public bool? HasRecording { get; init; }

    /// <summary>The user who owns the call: a Pipedrive user id (a number) or a Close <c>user_…</c> id.</summary>
    public string? UserId { get; init; }

    /// <summary>What the call belongs to.</summary>
    public CallLinks Links { get; init; } = new();

    /// <summary>The talk duration to store: <see cref="TalkDuration"/>, or the time from start to end.</summary>
    internal TimeSpan? EffectiveDuration => TalkDuration ?? (End - Start);

    /// <summary>The remote party's number: the called number, or the caller's on an inbound call.</summary>
    internal string? RemoteNumber => Direction == CallDirection.Inbound ? FromNumber : ToNumber;

    /// <summary>The user's own number: the caller's, or the called number on an inbound call.</summary>
    internal string? LocalNumber => Direction == CallDirection.Inbound ? ToNumber : FromNumber;

    /// <summary>Says which provider and id a record has, never its numbers, note or links.</summary>
    /// <returns>For example <c>CallRecord Close acti_…</c>.</returns>
    public override string ToString() => $"{nameof(CallRecord)} {Provider?.ToString() ?? "(not stored)"} {Id}".TrimEnd();
}

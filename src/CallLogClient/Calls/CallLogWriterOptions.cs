namespace CallLogClient.Calls;

/// <summary>Settings of an <see cref="ICallLogWriter"/>.</summary>
public sealed class CallLogWriterOptions
{
    /// <summary>
    /// The CRM to write to. With dependency injection, the matching client must be registered too
    /// (<c>AddPipedriveCallLogs</c> or <c>AddCloseCallActivities</c>).
    /// </summary>
    public CallLogProvider Provider { get; set; } = CallLogProvider.Pipedrive;

    /// <summary>Where <see cref="ICallLogWriter.LogCallOnceAsync"/> records the call key. Default: the note.</summary>
    public CallKeyPlacement CallKeyPlacement { get; set; } = CallKeyPlacement.Note;

    /// <summary>
    /// When <see langword="true"/>, every <see cref="ICallLogWriter.LogCallOnceAsync"/> looks the call up before its first
    /// create, so that replaying calls after a process restart cannot duplicate them (costs a list read per call).
    /// Default <see langword="false"/>: the writer looks first only for keys it left unsettled itself.
    /// </summary>
    public bool LookUpBeforeCreate { get; set; }

    /// <summary>How many creates one <see cref="ICallLogWriter.LogCallOnceAsync"/> may send, 1 to 10. Default 3.</summary>
    public int MaxCreateAttempts { get; set; } = 3;

    /// <summary>
    /// Pipedrive: the most call logs a lookup reads (its list has no filter, so the lookup reads the user's call logs
    /// page by page); a lookup that would need more cannot decide. Default 10 000.
    /// </summary>
    public int PipedriveLookupLimit { get; set; } = 10_000;

    /// <summary>
    /// Close: how far the lookup's <c>date_created</c> window reaches before the create was sent and after now, to
    /// absorb the difference between this machine's clock and Close's. Default 2 minutes.
    /// </summary>
    public TimeSpan CloseLookupClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Close: the custom outcome (<c>outcome_…</c>) to set for a neutral outcome, since a logged Close call takes no
    /// disposition. Reading maps these ids back to the neutral outcome when the call has no disposition.
    /// </summary>
    public IDictionary<CallOutcome, string> CloseOutcomeIds { get; } = new Dictionary<CallOutcome, string>();

    /// <summary>
    /// When <see langword="true"/>, a write whose record holds anything the provider cannot store as given throws
    /// <see cref="CallLogNotSupportedException"/> before sending; by default it is written and the rest reported in
    /// <see cref="CallLogResult.NotStored"/>.
    /// </summary>
    public bool RejectUnstorableFields { get; set; }

    /// <summary>The clock for the Close lookup's window and the writer's duration metric; replace it in tests. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (!Enum.IsDefined(Provider))
        {
            throw new ArgumentOutOfRangeException(nameof(Provider), Provider, "Not a known provider.");
        }

        if (!Enum.IsDefined(CallKeyPlacement))
        {
            throw new ArgumentOutOfRangeException(nameof(CallKeyPlacement), CallKeyPlacement, "Not a known placement.");
        }

        if (MaxCreateAttempts is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCreateAttempts), MaxCreateAttempts, "Must be from 1 to 10.");
        }

        if (PipedriveLookupLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PipedriveLookupLimit), PipedriveLookupLimit, "Must be at least 1.");
        }

        if (CloseLookupClockSkew < TimeSpan.Zero || CloseLookupClockSkew > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(CloseLookupClockSkew), CloseLookupClockSkew, "Must be from 0 to 1 day.");
        }

        foreach (var (outcome, id) in CloseOutcomeIds)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException($"CloseOutcomeIds[{outcome}] must name an outcome id.", nameof(CloseOutcomeIds));
            }
        }
    }
}

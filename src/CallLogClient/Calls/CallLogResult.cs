namespace CallLogClient.Calls;

/// <summary>What a write of a <see cref="CallRecord"/> did: the call log's id, how it came to be, and what was not stored.</summary>
public sealed class CallLogResult
{
    /// <summary>Creates the result; for tests and fakes of <see cref="ICallLogWriter"/>.</summary>
    /// <param name="provider">The CRM written to.</param>
    /// <param name="id">The provider's id of the call log.</param>
    /// <param name="status">How the call log came to exist.</param>
    /// <param name="notStored">The parts of the record the provider could not hold as given.</param>
    /// <param name="createAttempts">How many creates were sent (0 when a lookup found the call log before any).</param>
    public CallLogResult(CallLogProvider provider, string id, CallLogStatus status, IReadOnlyList<CallFieldNotStored> notStored, int createAttempts)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(notStored);
        Provider = provider;
        Id = id;
        Status = status;
        NotStored = notStored;
        CreateAttempts = createAttempts;
    }

    /// <summary>The CRM written to.</summary>
    public CallLogProvider Provider { get; }

    /// <summary>The provider's id of the call log (Pipedrive call log id, Close <c>acti_…</c>).</summary>
    public string Id { get; }

    /// <summary>How the call log came to exist.</summary>
    public CallLogStatus Status { get; }

    /// <summary>
    /// Every part of the record the provider could not hold as given (no direction in Pipedrive, an upload to Close, an
    /// outcome stored as its nearest value, a recording upload that failed after the call log was created, …); empty
    /// when everything was stored.
    /// </summary>
    public IReadOnlyList<CallFieldNotStored> NotStored { get; }

    /// <summary>How many creates were sent: 1 normally, more after outcome-unknown failures, 0 when a lookup found it first.</summary>
    public int CreateAttempts { get; }

    /// <summary>The provider, status and the fields not stored (never call data).</summary>
    /// <returns>For example <c>Pipedrive call log created; not stored: Direction</c>.</returns>
    public override string ToString() =>
        $"{Provider} call log {Status}" + (NotStored.Count == 0 ? "" : "; not stored: " + string.Join(", ", NotStored.Select(n => n.Field)));
}

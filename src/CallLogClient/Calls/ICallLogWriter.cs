namespace CallLogClient.Calls;

/// <summary>
/// Writes <see cref="CallRecord"/>s to one CRM and reads them back, whichever provider is configured
/// (<c>services.AddCallLogWriter(o =&gt; o.Provider = …)</c>, or <see cref="CallLogWriter.ForPipedrive"/> /
/// <see cref="CallLogWriter.ForClose"/>). Failures are the provider client's typed exceptions
/// (<see cref="Errors.CallLogApiException"/> subclasses); bad input is an <see cref="ArgumentException"/> before anything
/// is sent.
/// </summary>
public interface ICallLogWriter
{
    /// <summary>The CRM this writer writes to.</summary>
    CallLogProvider Provider { get; }

    /// <summary>
    /// Creates a call log for the record (and uploads its recording where the provider takes uploads). Like the clients'
    /// creates it is never retried once the server may have seen it: an unknown outcome is a
    /// <see cref="Errors.CallLogOutcomeUnknownException"/>. Use <see cref="LogCallOnceAsync"/> to have the writer settle it.
    /// </summary>
    /// <param name="record">The call; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call log's id, <see cref="CallLogStatus.Created"/>, and what the provider could not hold.</returns>
    Task<CallLogResult> LogCallAsync(CallRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a call log for the record exactly once per <paramref name="callKey"/>. The key is recorded with the call
    /// (<c>[call:KEY]</c> in the note or, for Pipedrive, the subject; <see cref="CallLogWriterOptions.CallKeyPlacement"/>).
    /// When a create's outcome is unknown the writer looks the call up before creating it again, and creates it only if
    /// it is absent; a later call with a key whose outcome was left unknown in this writer looks first as well. The
    /// result says which happened. A lookup that cannot decide (it failed, or found more than one match) ends in a
    /// <see cref="Errors.CallLogOutcomeUnknownException"/>, never in a guess; calling again with the same key is then safe.
    /// </summary>
    /// <param name="record">The call; checked before sending.</param>
    /// <param name="callKey">The caller's unique key of this call: 1 to 64 characters of <c>A-Z a-z 0-9 . _ : -</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call log's id and whether it was created, created after a lookup, or found already there.</returns>
    Task<CallLogResult> LogCallOnceAsync(CallRecord record, string callKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a recording with an existing call log: Pipedrive takes an upload (<see cref="CallRecording.FromStream"/>),
    /// Close a URL (<see cref="CallRecording.FromUrl"/>, set as <c>recording_url</c>). The other kind throws
    /// <see cref="CallLogNotSupportedException"/> before anything is sent.
    /// </summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="recording">The recording.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the provider holds the recording.</returns>
    Task AttachRecordingAsync(string id, CallRecording recording, CancellationToken cancellationToken = default);

    /// <summary>Deletes a call log (and, in Pipedrive, its recording).</summary>
    /// <param name="id">The call log's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the call log is gone.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The call logs in a time range, page by page as they are consumed. Pipedrive: every call log of the user is read
    /// (its list has no filter) and those whose start time lies in the range are returned. Close: calls whose
    /// <c>date_created</c> lies in the range, read in <c>date_created</c> windows so no page passes Close's
    /// <c>_skip</c> cap (<see cref="CallLogClient.Close.ICloseCallActivitiesClient.ListAllByDateWindowsAsync"/>), with custom outcome
    /// names resolved (one cached read of the organization's outcomes).
    /// </summary>
    /// <param name="since">The start of the range (included).</param>
    /// <param name="until">The end of the range (excluded).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The calls as neutral records.</returns>
    IAsyncEnumerable<CallRecord> ReadCallsAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);
}

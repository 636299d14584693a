namespace CallLogClient.Calls;

/// <summary>One provider behind <see cref="CallLogWriter"/>: turns a record into its request, creates, looks up and reads.</summary>
internal interface ICallStore
{
    CallLogProvider Provider { get; }

    /// <summary>Checks the record and builds the provider's request; <paramref name="callKey"/> is recorded in it when given.</summary>
    PreparedCall Prepare(CallRecord record, string? callKey);

    /// <summary>Creates the call log once (never retried once the server may have seen it); returns its id.</summary>
    Task<string> CreateAsync(PreparedCall call, CancellationToken cancellationToken);

    /// <summary>
    /// The call logs that match the prepared call and carry the key's marker, looked for from <paramref name="since"/>;
    /// throws <see cref="CallLookupException"/> when the lookup cannot see everything it would need to.
    /// </summary>
    Task<IReadOnlyList<FoundCall>> FindAsync(PreparedCall call, string callKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>What is left to do once the call log exists (a Pipedrive upload); failures become notices, never exceptions.</summary>
    Task CompleteAsync(string id, PreparedCall call, FoundCall? found, CancellationToken cancellationToken);

    Task AttachRecordingAsync(string id, CallRecording recording, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);

    IAsyncEnumerable<CallRecord> ReadAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>A record checked and turned into its provider's request, with what the provider cannot hold.</summary>
internal sealed class PreparedCall(CallRecord record, object request, List<CallFieldNotStored> notStored)
{
    public CallRecord Record { get; } = record;

    public object Request { get; } = request;

    public List<CallFieldNotStored> NotStored { get; } = notStored;
}

/// <summary>A call log a lookup matched.</summary>
internal sealed record FoundCall(string Id, bool? HasRecording);

/// <summary>A lookup that cannot decide whether the call log exists (it could not read all it needed).</summary>
internal sealed class CallLookupException(string message, Exception? innerException = null) : Exception(message, innerException);

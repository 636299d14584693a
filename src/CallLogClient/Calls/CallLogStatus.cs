namespace CallLogClient.Calls;

/// <summary>What a write did at the provider.</summary>
public enum CallLogStatus
{
    /// <summary>The first create succeeded; no lookup was needed.</summary>
    Created,

    /// <summary>
    /// A lookup found the call log already there: an earlier create whose answer was lost (a reset after the server
    /// processed it, a 5xx after processing), or an earlier call of <see cref="ICallLogWriter.LogCallOnceAsync"/> with
    /// the same key. Nothing new was created.
    /// </summary>
    AlreadyExisted,

    /// <summary>A create's outcome was unknown (or a retry of the key looked first), a lookup found nothing, and a new create succeeded.</summary>
    CreatedAfterLookup,
}

namespace CallLogClient.Calls;

/// <summary>
/// Where <see cref="ICallLogWriter.LogCallOnceAsync"/> records the call key (as <c>[call:KEY]</c>) so that a lookup can
/// recognise the call log later.
/// </summary>
public enum CallKeyPlacement
{
    /// <summary>At the end of the note (a paragraph of its own in HTML, a line of its own in text).</summary>
    Note,

    /// <summary>
    /// At the end of the subject. Pipedrive only: Close calls have no subject, so a Close writer records the key in the
    /// note and says so in <see cref="CallLogResult.NotStored"/>.
    /// </summary>
    Subject,
}

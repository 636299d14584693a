namespace CallLogClient.Calls;

/// <summary>What <see cref="CallRecord.Note"/> holds.</summary>
public enum CallNoteFormat
{
    /// <summary>Plain text; the writer encodes it for a provider that keeps HTML.</summary>
    PlainText,

    /// <summary>HTML (Pipedrive's note; Close's <c>note_html</c>, wrapped in <c>&lt;body&gt;</c> when it is not).</summary>
    Html,
}

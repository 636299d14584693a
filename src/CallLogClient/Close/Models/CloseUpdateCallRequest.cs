using System.Text.Json.Nodes;

namespace CallLogClient.Close.Models;

/// <summary>
/// A partial update of a call activity (<c>PUT /activity/call/{id}/</c>): only the properties set are sent, and
/// Close leaves every other field as it is. A property left <see langword="null"/> is not sent; to set a field to
/// <c>null</c>, name it in <see cref="Clear"/>. Nothing is ever cleared by accident.
/// </summary>
/// <remarks>
/// <para>
/// On a call made through Close (not a logged one), changing or clearing <see cref="RecordingUrl"/> or
/// <see cref="VoicemailUrl"/> <b>permanently deletes</b> the recording or voicemail, and Close refuses to change
/// <see cref="Status"/> and <see cref="Duration"/>.
/// </para>
/// <para>
/// For the note, set <see cref="NoteHtml"/> (preferred) or <see cref="Note"/>, not both: either replaces the whole note,
/// and Close derives the other form. To empty the note, set <see cref="Note"/> to an empty string.
/// </para>
/// </remarks>
public sealed class CloseUpdateCallRequest
{
    /// <summary>Moves the call to another lead.</summary>
    public string? LeadId { get; init; }

    /// <summary>Sets the contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Sets the user who owns the call.</summary>
    public string? UserId { get; init; }

    /// <summary>Sets the state of the call (logged calls only).</summary>
    public CloseCallStatus? Status { get; init; }

    /// <summary>Sets how long the call lasted: whole seconds, 0 to 604 800 (logged calls only).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Sets the remote party's number, in E.164 format.</summary>
    public string? Phone { get; init; }

    /// <summary>
    /// Replaces the recording (an https address). On a call made through Close, the old recording is
    /// <b>permanently deleted</b>.
    /// </summary>
    public Uri? RecordingUrl { get; init; }

    /// <summary>
    /// Replaces the voicemail (an absolute http or https address). On a call made through Close, the old voicemail is
    /// <b>permanently deleted</b>.
    /// </summary>
    public Uri? VoicemailUrl { get; init; }

    /// <summary>Replaces the note with rich text wrapped in <c>&lt;body&gt;…&lt;/body&gt;</c>. Not together with <see cref="Note"/>.</summary>
    public string? NoteHtml { get; init; }

    /// <summary>Replaces the note with plain text (an empty string empties it). Not together with <see cref="NoteHtml"/>.</summary>
    public string? Note { get; init; }

    /// <summary>Sets the user-defined outcome (<c>outcome_…</c>).</summary>
    public string? OutcomeId { get; init; }

    /// <summary>Sets when the call happened.</summary>
    public DateTimeOffset? ActivityAt { get; init; }

    /// <summary>
    /// Sets custom activity fields by id, <c>cf_…</c> or <c>custom.cf_…</c> (both are sent as <c>custom.cf_…</c>).
    /// A <see langword="null"/> value clears that field.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? CustomFields { get; init; }

    /// <summary>
    /// The fields to set to <c>null</c>. Clearing <see cref="CloseClearableFields.RecordingUrl"/> or
    /// <see cref="CloseClearableFields.VoicemailUrl"/> permanently deletes the recording or voicemail of a call made
    /// through Close. A field cannot be set and cleared in the same request.
    /// </summary>
    public CloseClearableFields Clear { get; init; }
}

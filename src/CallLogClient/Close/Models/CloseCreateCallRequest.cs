using System.Text.Json.Nodes;

namespace CallLogClient.Close.Models;

/// <summary>
/// A call made outside Close, to log as a call activity (<c>POST /activity/call/</c>). Only the properties set are
/// sent, plus <see cref="Status"/>. The client checks the request before sending it and names the faulty property in
/// an <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>
/// The call must be tied to a lead: set <see cref="LeadId"/>, or <see cref="ContactId"/>, or <see cref="Phone"/> (Close
/// then finds the contact with that number and fills in the lead and contact itself).
/// For the note, set <see cref="NoteHtml"/> (rich text, preferred) or <see cref="Note"/> (plain text), not both: Close
/// keeps one note and derives the other form from it, and when both are sent <c>note_html</c> wins silently, so the
/// client rejects a request with both.
/// </remarks>
public sealed class CloseCreateCallRequest
{
    /// <summary>The lead the call belongs to (<c>lead_…</c>).</summary>
    public string? LeadId { get; init; }

    /// <summary>The contact who was called or who called (<c>cont_…</c>).</summary>
    public string? ContactId { get; init; }

    /// <summary>The user who owns the call (<c>user_…</c>); by default the user of the API key.</summary>
    public string? UserId { get; init; }

    /// <summary>The user shown as the creator (<c>created_by</c>).</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Inbound or outbound.</summary>
    public CloseCallDirection? Direction { get; init; }

    /// <summary>The state of the call; <see cref="CloseCallStatus.Completed"/> unless set (Close's default, always sent).</summary>
    public CloseCallStatus Status { get; init; } = CloseCallStatus.Completed;

    /// <summary>How long the call lasted: whole seconds, 0 to 604 800 (7 days).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The remote party's number in E.164 format, e.g. <c>+16505551234</c>.</summary>
    public string? Phone { get; init; }

    /// <summary>The recording (an MP3); Close accepts only <c>https://</c> addresses and serves it through its own proxy.</summary>
    public Uri? RecordingUrl { get; init; }

    /// <summary>The voicemail the contact left (an absolute http or https address).</summary>
    public Uri? VoicemailUrl { get; init; }

    /// <summary>
    /// The note as rich text, wrapped in <c>&lt;body&gt;…&lt;/body&gt;</c> (e.g. <c>&lt;body&gt;&lt;p&gt;Call notes&lt;/p&gt;&lt;/body&gt;</c>).
    /// Preferred over <see cref="Note"/>; not together with it.
    /// </summary>
    public string? NoteHtml { get; init; }

    /// <summary>The note as plain text; Close derives the rich text from it (newlines become line breaks). Not together with <see cref="NoteHtml"/>.</summary>
    public string? Note { get; init; }

    /// <summary>The user-defined outcome (<c>outcome_…</c>).</summary>
    public string? OutcomeId { get; init; }

    /// <summary>When the call happened; by default when it is logged.</summary>
    public DateTimeOffset? ActivityAt { get; init; }

    /// <summary>When the activity counts as created, to backdate it; by default now.</summary>
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>
    /// Custom activity fields by id, <c>cf_…</c> or <c>custom.cf_…</c> (both are sent as <c>custom.cf_…</c>). A
    /// <see langword="null"/> value is sent as JSON null.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?>? CustomFields { get; init; }
}

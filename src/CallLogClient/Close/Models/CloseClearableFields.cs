namespace CallLogClient.Close.Models;

/// <summary>
/// Fields a <see cref="CloseUpdateCallRequest"/> sets to <c>null</c> on purpose. An update never sends <c>null</c>
/// otherwise: a property left <see langword="null"/> means "leave unchanged".
/// </summary>
[Flags]
public enum CloseClearableFields
{
    /// <summary>Clear nothing.</summary>
    None = 0,

    /// <summary>Detach the contact (<c>contact_id</c>).</summary>
    ContactId = 1,

    /// <summary>Unassign the call (<c>user_id</c>).</summary>
    UserId = 1 << 1,

    /// <summary>Remove the outcome (<c>outcome_id</c>).</summary>
    OutcomeId = 1 << 2,

    /// <summary>Remove the phone number (<c>phone</c>).</summary>
    Phone = 1 << 3,

    /// <summary>Remove when the call happened (<c>activity_at</c>).</summary>
    ActivityAt = 1 << 4,

    /// <summary>
    /// Remove the recording (<c>recording_url</c>). On a call made through Close this <b>permanently deletes the
    /// recording</b>, and needs the <c>delete_own_activities</c> or <c>manage_others_activities</c> permission.
    /// </summary>
    RecordingUrl = 1 << 5,

    /// <summary>
    /// Remove the voicemail (<c>voicemail_url</c>). On a call made through Close this <b>permanently deletes the
    /// voicemail</b>, and needs the same permissions as <see cref="RecordingUrl"/>.
    /// </summary>
    VoicemailUrl = 1 << 6,
}

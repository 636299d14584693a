namespace CallLogClient.Close;

/// <summary>
/// Field names for <c>_fields</c>. Close returns only the fields a request names, and returns the transcripts only when
/// named: to get a call with its transcript, ask for <c>[.. Documented, RecordingTranscript]</c>.
/// </summary>
public static class CloseCallFieldNames
{
    /// <summary>The activity id.</summary>
    public const string Id = "id";

    /// <summary>When the activity was created.</summary>
    public const string DateCreated = "date_created";

    /// <summary>The transcript of the recording (not returned unless named).</summary>
    public const string RecordingTranscript = "recording_transcript";

    /// <summary>The transcript of the voicemail (not returned unless named).</summary>
    public const string VoicemailTranscript = "voicemail_transcript";

    /// <summary>Every field of Close's documented call object (transcripts and custom fields excluded).</summary>
    public static IReadOnlyList<string> Documented { get; } =
    [
        Id, "_type", "organization_id", "lead_id", "contact_id", "user_id", "user_name", "created_by", "created_by_name",
        "updated_by", "updated_by_name", "users", DateCreated, "date_updated", "activity_at", "direction", "status",
        "disposition", "call_method", "outcome_id", "duration", "cost", "phone", "local_phone", "local_phone_formatted",
        "local_country_iso", "remote_phone", "remote_phone_formatted", "remote_country_iso", "recording_url",
        "voicemail_url", "voicemail_duration", "note_html", "note", "source", "dialer_id", "dialer_saved_search_id",
        "sequence_id", "sequence_name", "sequence_subscription_id",
    ];
}

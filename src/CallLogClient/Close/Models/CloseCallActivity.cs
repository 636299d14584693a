using System.Text.Json;
using System.Text.Json.Serialization;
using CallLogClient.Close.Serialization;

namespace CallLogClient.Close.Models;

/// <summary>
/// A Close call activity as the API returns it. Every field but <see cref="Id"/> may be absent or null (a request with
/// <c>_fields</c> returns only the fields it names). Fields this type does not know, custom activity fields
/// (<c>custom.cf_…</c>) included, are kept in <see cref="AdditionalProperties"/>; <see cref="GetCustomFields"/> lists the
/// custom ones.
/// </summary>
/// <remarks>
/// Times are UTC. <see cref="Note"/> and <see cref="NoteHtml"/> hold the same note: Close derives each from the other.
/// </remarks>
public sealed class CloseCallActivity
{
    private const string CustomFieldPrefix = "custom.";

    private string id = "";

    /// <summary>
    /// The activity's id, e.g. <c>acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR</c>; empty (never null) when the
    /// response left it out (<c>_fields</c> without <c>id</c>).
    /// </summary>
    public string Id { get => id; set => id = value ?? ""; }

    /// <summary>The activity type, always <c>Call</c> (<c>_type</c>).</summary>
    [JsonPropertyName("_type")]
    public string? ActivityType { get; set; }

    /// <summary>The organization (<c>orga_…</c>).</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The lead (<c>lead_…</c>).</summary>
    public string? LeadId { get; set; }

    /// <summary>The contact (<c>cont_…</c>).</summary>
    public string? ContactId { get; set; }

    /// <summary>The user who owns the call (<c>user_…</c>); null on unassigned inbound calls.</summary>
    public string? UserId { get; set; }

    /// <summary>The owner's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The user who created the activity.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>The creator's name.</summary>
    public string? CreatedByName { get; set; }

    /// <summary>The user who last updated the activity.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>The last updater's name.</summary>
    public string? UpdatedByName { get; set; }

    /// <summary>Other users on the call (user ids); usually empty.</summary>
    public IReadOnlyList<string>? Users { get; set; }

    /// <summary>When the activity was created or synced into Close.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? DateCreated { get; set; }

    /// <summary>When the activity last changed.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? DateUpdated { get; set; }

    /// <summary>When the call actually happened.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? ActivityAt { get; set; }

    /// <summary>When the call was answered.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? DateAnswered { get; set; }

    /// <summary>Inbound or outbound.</summary>
    [JsonConverter(typeof(CloseOptionalEnumConverter<CloseCallDirection>))]
    public CloseCallDirection? Direction { get; set; }

    /// <summary>The state of the call.</summary>
    [JsonConverter(typeof(CloseOptionalEnumConverter<CloseCallStatus>))]
    public CloseCallStatus? Status { get; set; }

    /// <summary>How the call ended; null on older and logged calls.</summary>
    [JsonConverter(typeof(CloseOptionalEnumConverter<CloseCallDisposition>))]
    public CloseCallDisposition? Disposition { get; set; }

    /// <summary>How the call was placed; <see cref="CloseCallMethod.External"/> for logged calls.</summary>
    [JsonConverter(typeof(CloseOptionalEnumConverter<CloseCallMethod>))]
    public CloseCallMethod? CallMethod { get; set; }

    /// <summary>Close's telephony or an external system.</summary>
    [JsonConverter(typeof(CloseOptionalEnumConverter<CloseCallSource>))]
    public CloseCallSource? Source { get; set; }

    /// <summary>The user-defined outcome (<c>outcome_…</c>); the outcome itself may since have been deleted.</summary>
    public string? OutcomeId { get; set; }

    /// <summary>How long the call lasted (whole seconds on the wire).</summary>
    [JsonConverter(typeof(CloseSecondsConverter))]
    public TimeSpan? Duration { get; set; }

    /// <summary>What the call cost, in US cents (a decimal; Close sends it as a string).</summary>
    [JsonConverter(typeof(CloseCostConverter))]
    public decimal? Cost { get; set; }

    /// <summary>The remote party's number, E.164.</summary>
    public string? Phone { get; set; }

    /// <summary>The user's side of the call, E.164.</summary>
    public string? LocalPhone { get; set; }

    /// <summary>The user's number formatted for display, e.g. <c>+1 650-555-6666</c>.</summary>
    public string? LocalPhoneFormatted { get; set; }

    /// <summary>The country of the local number (ISO 3166 alpha-2); Close may send an empty string.</summary>
    public string? LocalCountryIso { get; set; }

    /// <summary>The remote party's number, E.164.</summary>
    public string? RemotePhone { get; set; }

    /// <summary>The remote number formatted for display, e.g. <c>+44 808 189 4428</c>.</summary>
    public string? RemotePhoneFormatted { get; set; }

    /// <summary>The country of the remote number (ISO 3166 alpha-2); Close may send an empty string.</summary>
    public string? RemoteCountryIso { get; set; }

    /// <summary>Whether the call has a recording.</summary>
    public bool? HasRecording { get; set; }

    /// <summary>The recording; Close serves it through its own proxy URL.</summary>
    public string? RecordingUrl { get; set; }

    /// <summary>How long the recording lasts.</summary>
    [JsonConverter(typeof(CloseSecondsConverter))]
    public TimeSpan? RecordingDuration { get; set; }

    /// <summary>When Close deletes the recording.</summary>
    [JsonConverter(typeof(CloseDateTimeConverter))]
    public DateTimeOffset? RecordingExpiresAt { get; set; }

    /// <summary>The voicemail the contact left, if any.</summary>
    public string? VoicemailUrl { get; set; }

    /// <summary>How long the voicemail lasts; zero or null when there is none.</summary>
    [JsonConverter(typeof(CloseSecondsConverter))]
    public TimeSpan? VoicemailDuration { get; set; }

    /// <summary>
    /// The note as rich text, wrapped in <c>&lt;body&gt;…&lt;/body&gt;</c>. It is the master copy: <see cref="Note"/> is
    /// derived from it as plain text.
    /// </summary>
    public string? NoteHtml { get; set; }

    /// <summary>The note as plain text, derived from <see cref="NoteHtml"/>; empty or null when there is none.</summary>
    public string? Note { get; set; }

    /// <summary>The transcript of the recording; returned only when asked for (<see cref="CloseCallFieldNames.RecordingTranscript"/>).</summary>
    public CloseTranscript? RecordingTranscript { get; set; }

    /// <summary>The transcript of the voicemail; returned only when asked for (<see cref="CloseCallFieldNames.VoicemailTranscript"/>).</summary>
    public CloseTranscript? VoicemailTranscript { get; set; }

    /// <summary>The Power or Predictive Dialer session that placed the call.</summary>
    public string? DialerId { get; set; }

    /// <summary>The saved search the dialer worked through.</summary>
    public string? DialerSavedSearchId { get; set; }

    /// <summary>The workflow (sequence) that placed the call.</summary>
    public string? SequenceId { get; set; }

    /// <summary>The workflow's name.</summary>
    public string? SequenceName { get; set; }

    /// <summary>The contact's subscription to the workflow.</summary>
    public string? SequenceSubscriptionId { get; set; }

    /// <summary>Who transferred the call to this user.</summary>
    public string? TransferredFrom { get; set; }

    /// <summary>Who this user transferred the call to.</summary>
    public string? TransferredTo { get; set; }

    /// <summary>The user who transferred the call to this user.</summary>
    public string? TransferredFromUserId { get; set; }

    /// <summary>The user this user transferred the call to.</summary>
    public string? TransferredToUserId { get; set; }

    /// <summary>Whether the call went to a group number.</summary>
    public bool? IsToGroupNumber { get; set; }

    /// <summary>Whether the call was forwarded.</summary>
    public bool? IsForwarded { get; set; }

    /// <summary>Where the call was forwarded to.</summary>
    public string? ForwardedTo { get; set; }

    /// <summary>Whether other users can join the call.</summary>
    public bool? IsJoinable { get; set; }

    /// <summary>Fields the API sent that this type does not know, custom fields included, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The custom activity fields (<c>custom.cf_…</c>), keyed by field id without the prefix (<c>cf_…</c>).</summary>
    /// <returns>A new dictionary built from <see cref="AdditionalProperties"/>.</returns>
    public IReadOnlyDictionary<string, JsonElement> GetCustomFields() =>
        (AdditionalProperties ?? new Dictionary<string, JsonElement>())
            .Where(property => property.Key.StartsWith(CustomFieldPrefix, StringComparison.Ordinal))
            .ToDictionary(property => property.Key[CustomFieldPrefix.Length..], property => property.Value, StringComparer.Ordinal);
}

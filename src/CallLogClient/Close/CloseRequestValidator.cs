using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CallLogClient.Close.Models;
using CallLogClient.Http;

namespace CallLogClient.Close;

/// <summary>Checks Close requests before anything is sent; each failure names the field, never its value.</summary>
internal static partial class CloseRequestValidator
{
    public const int MaxPageSize = 100;

    /// <summary>The largest <c>_skip</c> Close accepts on activities; past it the list answers 400.</summary>
    public const int MaxSkip = 250_000;

    public const int MaxDurationSeconds = 604_800;

    private const string CustomPrefix = "custom.";
    private const string CustomFieldIdPrefix = "cf_";

    private static readonly CloseClearableFields AllClearable = Enum.GetValues<CloseClearableFields>()
        .Aggregate(CloseClearableFields.None, (all, field) => all | field);

    public static void ValidatePage(int skip, int limit)
    {
        if (skip is < 0 or > MaxSkip)
        {
            throw new ArgumentOutOfRangeException(nameof(skip), skip, $"Must be between 0 and {MaxSkip} (Close's maximum _skip).");
        }

        ValidatePageSize(limit, nameof(limit));
    }

    public static void ValidatePageSize(int limit, string paramName)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"Must be between 1 and {MaxPageSize}.");
        }
    }


    public static void ValidateQuery(CloseCallQuery? query)
    {
        if (query is null)
        {
            return;
        }

        ValidateList(query.Ids, "query." + nameof(query.Ids));
        ValidateList(query.LeadIds, "query." + nameof(query.LeadIds));
        ValidateList(query.ContactIds, "query." + nameof(query.ContactIds));
        ValidateList(query.UserIds, "query." + nameof(query.UserIds));
        ValidateList(query.Fields, "query." + nameof(query.Fields));
        RequireText(query.OrganizationId, "query." + nameof(query.OrganizationId));
        ValidateRange(query.DateCreated, "query." + nameof(query.DateCreated));
        ValidateRange(query.ActivityAt, "query." + nameof(query.ActivityAt));
    }

    public static void ValidateFields(IEnumerable<string>? fields, string paramName) =>
        ValidateList(fields?.ToList(), paramName);

    public static void ValidateCreate(CloseCreateCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.LeadId, Field(nameof(request.LeadId)));
        RequireText(request.ContactId, Field(nameof(request.ContactId)));
        RequireText(request.UserId, Field(nameof(request.UserId)));
        RequireText(request.CreatedBy, Field(nameof(request.CreatedBy)));
        RequireText(request.OutcomeId, Field(nameof(request.OutcomeId)));
        if (request.LeadId is null && request.ContactId is null && request.Phone is null)
        {
            throw Invalid(nameof(request.LeadId), "Set LeadId (lead_id), ContactId (contact_id) or Phone (phone): a call belongs to a lead.");
        }

        if (request.Direction is { Value: null })
        {
            throw Invalid(nameof(request.Direction), "Direction (direction) must be inbound or outbound, not default.");
        }

        if (request.Status.Value is null)
        {
            throw Invalid(nameof(request.Status), "Status (status) must be a call status such as completed, not default.");
        }

        ValidateCallFields(request.Duration, request.Phone, request.RecordingUrl, request.VoicemailUrl, request.NoteHtml, request.Note);
        ValidateCustomFields(request.CustomFields);
        ValueRules.RequireSupportedInstant(request.ActivityAt, Field(nameof(request.ActivityAt)));
        ValueRules.RequireSupportedInstant(request.DateCreated, Field(nameof(request.DateCreated)));
    }

    public static void ValidateUpdate(CloseUpdateCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireText(request.LeadId, Field(nameof(request.LeadId)));
        RequireText(request.ContactId, Field(nameof(request.ContactId)));
        RequireText(request.UserId, Field(nameof(request.UserId)));
        RequireText(request.OutcomeId, Field(nameof(request.OutcomeId)));
        if (request.Status is { Value: null })
        {
            throw Invalid(nameof(request.Status), "Status (status) must be a call status such as completed, not default.");
        }

        ValidateCallFields(request.Duration, request.Phone, request.RecordingUrl, request.VoicemailUrl, request.NoteHtml, request.Note);
        ValidateCustomFields(request.CustomFields);
        ValueRules.RequireSupportedInstant(request.ActivityAt, Field(nameof(request.ActivityAt)));
        ValidateClear(request);

        var setsAnything = request.LeadId is not null || request.ContactId is not null || request.UserId is not null
            || request.Status is not null || request.Duration is not null || request.Phone is not null
            || request.RecordingUrl is not null || request.VoicemailUrl is not null || request.NoteHtml is not null
            || request.Note is not null || request.OutcomeId is not null || request.ActivityAt is not null
            || request.CustomFields is { Count: > 0 } || request.Clear != CloseClearableFields.None;
        if (!setsAnything)
        {
            throw new ArgumentException("The update changes nothing: set at least one property or name a field in Clear.", nameof(request));
        }
    }

    /// <summary>The key a custom field is sent under: <c>cf_x</c> and <c>custom.cf_x</c> both become <c>custom.cf_x</c>.</summary>
    public static string CustomFieldWireKey(string key) => key.StartsWith(CustomPrefix, StringComparison.Ordinal) ? key : CustomPrefix + key;

    private static void ValidateCallFields(TimeSpan? duration, string? phone, Uri? recordingUrl, Uri? voicemailUrl, string? noteHtml, string? note)
    {
        if (duration is { } value
            && (value < TimeSpan.Zero || value > TimeSpan.FromSeconds(MaxDurationSeconds) || value.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw Invalid("Duration", $"Duration (duration) must be a whole number of seconds from 0 to {MaxDurationSeconds} (7 days).");
        }

        if (phone is not null && !E164().IsMatch(phone))
        {
            throw Invalid("Phone", "Phone (phone) must be in E.164 format: '+', the country code and the number, digits only (e.g. +16505551234).");
        }

        if (recordingUrl is not null && !(recordingUrl.IsAbsoluteUri && recordingUrl.Scheme == Uri.UriSchemeHttps))
        {
            throw Invalid("RecordingUrl", "RecordingUrl (recording_url) must be an absolute https:// address; Close refuses others.");
        }

        if (voicemailUrl is not null
            && !(voicemailUrl.IsAbsoluteUri && (voicemailUrl.Scheme == Uri.UriSchemeHttps || voicemailUrl.Scheme == Uri.UriSchemeHttp)))
        {
            throw Invalid("VoicemailUrl", "VoicemailUrl (voicemail_url) must be an absolute http:// or https:// address.");
        }

        if (noteHtml is not null && note is not null)
        {
            throw Invalid(
                "NoteHtml",
                "Set NoteHtml (note_html) or Note (note), not both: they write the same note and Close would silently keep note_html.");
        }
    }

    private static void ValidateCustomFields(IReadOnlyDictionary<string, JsonNode?>? customFields)
    {
        if (customFields is null)
        {
            return;
        }

        var wireKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in customFields.Keys)
        {
            var id = key.StartsWith(CustomPrefix, StringComparison.Ordinal) ? key[CustomPrefix.Length..] : key;
            if (!id.StartsWith(CustomFieldIdPrefix, StringComparison.Ordinal) || id.Length == CustomFieldIdPrefix.Length
                || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw Invalid("CustomFields", $"Custom field keys must be field ids such as cf_abc or custom.cf_abc; '{key}' is not.");
            }

            if (!wireKeys.Add(CustomFieldWireKey(key)))
            {
                throw Invalid("CustomFields", $"The custom field {id} is given twice (as {id} and custom.{id}).");
            }

            ValueRules.RequireWritableJson(customFields[key], Field("CustomFields"));
        }
    }

    private static void ValidateClear(CloseUpdateCallRequest request)
    {
        if ((request.Clear & ~AllClearable) != 0)
        {
            throw Invalid(nameof(request.Clear), "Clear names a field that cannot be cleared.");
        }

        (CloseClearableFields Field, bool IsSet)[] conflicts =
        [
            (CloseClearableFields.ContactId, request.ContactId is not null),
            (CloseClearableFields.UserId, request.UserId is not null),
            (CloseClearableFields.OutcomeId, request.OutcomeId is not null),
            (CloseClearableFields.Phone, request.Phone is not null),
            (CloseClearableFields.ActivityAt, request.ActivityAt is not null),
            (CloseClearableFields.RecordingUrl, request.RecordingUrl is not null),
            (CloseClearableFields.VoicemailUrl, request.VoicemailUrl is not null),
        ];
        foreach (var (field, isSet) in conflicts)
        {
            if (isSet && request.Clear.HasFlag(field))
            {
                throw Invalid(nameof(request.Clear), $"{field} is both set and cleared: do one or the other.");
            }
        }
    }

    private static void ValidateRange(CloseDateRange? range, string paramName)
    {
        if (range is null)
        {
            return;
        }

        if (range.GreaterThan is not null && range.GreaterThanOrEqual is not null)
        {
            throw new ArgumentException("Set one lower bound: GreaterThan or GreaterThanOrEqual, not both.", paramName);
        }

        if (range.LessThan is not null && range.LessThanOrEqual is not null)
        {
            throw new ArgumentException("Set one upper bound: LessThan or LessThanOrEqual, not both.", paramName);
        }

        if (range is { Lower: null, Upper: null })
        {
            throw new ArgumentException("The date range has no bound; leave it null rather than empty.", paramName);
        }

        if (range.Lower is { IsEmpty: true } || range.Upper is { IsEmpty: true })
        {
            throw new ArgumentException("A date bound must be an instant or a date, not default.", paramName);
        }

        ValueRules.RequireSupportedInstant(range.Lower?.Instant, paramName);
        ValueRules.RequireSupportedInstant(range.Upper?.Instant, paramName);
        if (range is { Lower: { } lower, Upper: { } upper } && lower.Instant > upper.Instant)
        {
            throw new ArgumentException("The date range is inverted: its lower bound lies after its upper bound.", paramName);
        }
    }

    private static void ValidateList(IReadOnlyList<string>? values, string paramName)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            throw new ArgumentException("The list is empty, which Close would read as no filter; leave it null instead.", paramName);
        }

        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException("List values must not be empty or contain commas (they are sent comma-separated).", paramName);
            }
        }
    }

    private static void RequireText(string? value, string paramName)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Must not be empty or white space; leave it null to not send it.", paramName);
        }
    }

    private static string Field(string name) => "request." + name;

    /// <summary>An exception whose ParamName points at the request's member, e.g. <c>request.Phone</c>.</summary>
    private static ArgumentException Invalid(string field, string message) => new(message, Field(field));

    [GeneratedRegex(@"\A\+[1-9]\d{1,14}\z")]
    private static partial Regex E164();
}

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallLogClient.Close.Models;
using CallLogClient.Close.Serialization;

namespace CallLogClient.Close;

/// <summary>
/// Writes create and update bodies by hand: only the properties set, custom fields flattened to top-level
/// <c>custom.cf_…</c> keys, and <c>null</c> only for what an update clears on purpose. No reflection.
/// </summary>
internal static class CloseCallRequestWriter
{
    public static byte[] Create(CloseCreateCallRequest request) => Write(writer =>
    {
        String(writer, "lead_id", request.LeadId);
        String(writer, "contact_id", request.ContactId);
        String(writer, "user_id", request.UserId);
        String(writer, "created_by", request.CreatedBy);
        String(writer, "direction", request.Direction?.Value);
        String(writer, "status", request.Status.Value);
        Seconds(writer, "duration", request.Duration);
        String(writer, "phone", request.Phone);
        String(writer, "recording_url", request.RecordingUrl?.AbsoluteUri);
        String(writer, "voicemail_url", request.VoicemailUrl?.AbsoluteUri);
        String(writer, "note_html", request.NoteHtml);
        String(writer, "note", request.Note);
        String(writer, "outcome_id", request.OutcomeId);
        Time(writer, "activity_at", request.ActivityAt);
        Time(writer, "date_created", request.DateCreated);
        CustomFields(writer, request.CustomFields);
    });

    public static byte[] Update(CloseUpdateCallRequest request) => Write(writer =>
    {
        var clear = request.Clear;
        String(writer, "lead_id", request.LeadId);
        String(writer, "contact_id", request.ContactId, clear.HasFlag(CloseClearableFields.ContactId));
        String(writer, "user_id", request.UserId, clear.HasFlag(CloseClearableFields.UserId));
        String(writer, "status", request.Status?.Value);
        Seconds(writer, "duration", request.Duration);
        String(writer, "phone", request.Phone, clear.HasFlag(CloseClearableFields.Phone));
        String(writer, "recording_url", request.RecordingUrl?.AbsoluteUri, clear.HasFlag(CloseClearableFields.RecordingUrl));
        String(writer, "voicemail_url", request.VoicemailUrl?.AbsoluteUri, clear.HasFlag(CloseClearableFields.VoicemailUrl));
        String(writer, "note_html", request.NoteHtml);
        String(writer, "note", request.Note);
        String(writer, "outcome_id", request.OutcomeId, clear.HasFlag(CloseClearableFields.OutcomeId));
        Time(writer, "activity_at", request.ActivityAt, clear.HasFlag(CloseClearableFields.ActivityAt));
        CustomFields(writer, request.CustomFields);
    });

    private static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void String(Utf8JsonWriter writer, string name, string? value, bool clear = false)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (clear)
        {
            writer.WriteNull(name);
        }
    }

    private static void Seconds(Utf8JsonWriter writer, string name, TimeSpan? value)
    {
        if (value is { } duration)
        {
            writer.WriteNumber(name, (long)duration.TotalSeconds);
        }
    }

    private static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? value, bool clear = false) =>
        String(writer, name, value is { } time ? CloseDateTimeConverter.Format(time) : null, clear);

    private static void CustomFields(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonNode?>? customFields)
    {
        foreach (var (key, value) in customFields ?? new Dictionary<string, JsonNode?>())
        {
            writer.WritePropertyName(CloseRequestValidator.CustomFieldWireKey(key));
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }
}

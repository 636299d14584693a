using System.Text.Json.Serialization.Metadata;
using CallLogClient.Close.Models;

namespace CallLogClient.Sample.Export;

/// <summary>The exported fields of a Close call activity; <see cref="Fields"/> asks Close for these alone.</summary>
internal sealed record CloseExportRow(
    string Id,
    string? DateCreated,
    string? ActivityAt,
    long? DurationSeconds,
    string? Direction,
    string? Status,
    string? Disposition,
    string? Phone,
    string? LocalPhone,
    bool? HasRecording,
    string? LeadId,
    string? ContactId,
    string? UserId,
    string? Note) : IExportRow<CloseExportRow>
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "date_created", "activity_at", "duration_seconds", "direction", "status", "disposition", "phone", "local_phone",
        "has_recording", "lead_id", "contact_id", "user_id", "note",
    ];

    /// <summary>The <c>_fields</c> of the list request: what the row needs, nothing more.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "id", "date_created", "activity_at", "duration", "direction", "status", "disposition", "phone", "local_phone",
        "has_recording", "lead_id", "contact_id", "user_id", "note",
    ];

    public static JsonTypeInfo<CloseExportRow> JsonTypeInfo => ExportJsonContext.Files.CloseExportRow;

    public static CloseExportRow From(CloseCallActivity call) => new(
        call.Id,
        ExportValues.Time(call.DateCreated),
        ExportValues.Time(call.ActivityAt),
        ExportValues.Seconds(call.Duration),
        ExportValues.Raw(call.Direction?.Value),
        ExportValues.Raw(call.Status?.Value),
        ExportValues.Raw(call.Disposition?.Value),
        call.Phone,
        call.LocalPhone,
        call.HasRecording,
        call.LeadId,
        call.ContactId,
        call.UserId,
        call.Note);

    public IEnumerable<string?> CsvFields() =>
    [
        Id, DateCreated, ActivityAt, ExportValues.Text(DurationSeconds), Direction, Status, Disposition, Phone, LocalPhone,
        ExportValues.Text(HasRecording), LeadId, ContactId, UserId, Note,
    ];
}

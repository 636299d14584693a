using System.Text.Json.Serialization.Metadata;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Sample.Export;

/// <summary>The exported fields of a Pipedrive call log (the note, HTML, is left out).</summary>
internal sealed record PipedriveExportRow(
    string Id,
    string? StartTime,
    string? EndTime,
    long? DurationSeconds,
    string? Outcome,
    string? FromPhoneNumber,
    string? ToPhoneNumber,
    bool? HasRecording,
    string? Subject,
    long? UserId,
    long? PersonId,
    long? OrgId,
    long? DealId,
    string? LeadId) : IExportRow<PipedriveExportRow>
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "start_time", "end_time", "duration_seconds", "outcome", "from_phone_number", "to_phone_number", "has_recording",
        "subject", "user_id", "person_id", "org_id", "deal_id", "lead_id",
    ];

    public static JsonTypeInfo<PipedriveExportRow> JsonTypeInfo => ExportJsonContext.Files.PipedriveExportRow;

    public static PipedriveExportRow From(PipedriveCallLog callLog) => new(
        callLog.Id,
        ExportValues.Time(callLog.StartTime),
        ExportValues.Time(callLog.EndTime),
        ExportValues.Seconds(callLog.Duration),
        ExportValues.Raw(callLog.Outcome?.Value),
        callLog.FromPhoneNumber,
        callLog.ToPhoneNumber,
        callLog.HasRecording,
        callLog.Subject,
        callLog.UserId,
        callLog.PersonId,
        callLog.OrgId,
        callLog.DealId,
        callLog.LeadId);

    public IEnumerable<string?> CsvFields() =>
    [
        Id, StartTime, EndTime, ExportValues.Text(DurationSeconds), Outcome, FromPhoneNumber, ToPhoneNumber, ExportValues.Text(HasRecording),
        Subject, ExportValues.Text(UserId), ExportValues.Text(PersonId), ExportValues.Text(OrgId), ExportValues.Text(DealId), LeadId,
    ];
}

using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Resilience;

/// <summary>Pipedrive paths, bodies and requests the resilience tests stub and send.</summary>
internal static class PipedriveStubs
{
    public const string CallLogsPath = "/v1/callLogs";

    public static string CallLogPath(string id) => $"{CallLogsPath}/{id}";

    public static string CallLogBody(string id) =>
        $$$"""{"success":true,"data":{"id":"{{{id}}}","outcome":"connected","to_phone_number":"{{{TestSecrets.PhoneNumber}}}","note":"{{{TestSecrets.Note}}}","start_time":"2030-01-01T00:00:00.000Z","end_time":"2030-01-01T00:01:00.000Z","duration":"60","has_recording":false}}""";

    public const string PageBody =
        """{"success":true,"data":[],"additional_data":{"pagination":{"start":0,"limit":50,"more_items_in_collection":false}}}""";

    public const string DeletedBody = """{"success":true}""";

    public const string ServerErrorBody = """{"success":false,"error":"An internal server error occurred","error_info":"Please check developers.pipedrive.com"}""";

    public const string DailyBudgetBody = """{"success":false,"error":"daily request budget exceeded","errorCode":429}""";

    public const string NotFoundBody = """{"success":false,"error":"The callLog you are trying to access is no longer available","error_info":"..."}""";

    /// <summary>A valid create request carrying the test phone numbers and note; <paramref name="subject"/> tells calls apart.</summary>
    public static PipedriveCreateCallLogRequest CreateRequest(string subject = "resilience") => new()
    {
        Subject = subject,
        Outcome = PipedriveCallOutcome.Connected,
        FromPhoneNumber = TestSecrets.OtherPhoneNumber,
        ToPhoneNumber = TestSecrets.PhoneNumber,
        StartTime = ManualTimeProvider.Epoch,
        EndTime = ManualTimeProvider.Epoch.AddMinutes(1),
        Note = TestSecrets.Note,
    };
}

using System.Globalization;
using System.Text;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;

namespace CallLogClient.Benchmarks.Payloads;

/// <summary>
/// Pipedrive bodies shaped like the API's own examples (tests/CallLogClient.Tests/Fixtures/pipedrive): every call log
/// carries the 16 fields of <c>get-response.json</c>, varied per item so that no two are alike.
/// </summary>
internal static class PipedrivePayloads
{
    public const string CallLogId = "CAd92b224eb4a39b5ad8fea92ff0e";

    /// <summary>The rate-limit headers Pipedrive sends on every response (values from its documentation).</summary>
    public static readonly (string Name, string Value)[] Headers =
        [("x-ratelimit-limit", "40"), ("x-ratelimit-remaining", "39"), ("x-ratelimit-reset", "2")];

    /// <summary><c>GET /callLogs/{id}</c>: one call log in the envelope.</summary>
    public static byte[] GetResponse() => Utf8($$"""{"success":true,"data":{{CallLog(0, CallLogId)}}}""");

    /// <summary><c>GET /callLogs?start=0&amp;limit={count}</c>: a full page that says more follow.</summary>
    public static byte[] ListResponse(int count)
    {
        var items = string.Join(",", Enumerable.Range(0, count).Select(i => CallLog(i, Id(i))));
        var paging = $$"""{"start":0,"limit":{{count}},"more_items_in_collection":true,"next_start":{{count}}}""";
        return Utf8("""{"success":true,"data":[""" + items + """],"additional_data":{"pagination":""" + paging + "}}");
    }

    /// <summary><c>POST /callLogs</c>: the created call log (as <c>create-response.json</c>).</summary>
    public static byte[] CreateResponse() => Utf8($$"""{"success":true,"data":{{CallLog(1, CallLogId)}}}""");

    /// <summary>The call log to create: the fields of <c>create-request.json</c>.</summary>
    public static PipedriveCreateCallLogRequest CreateRequest() => new()
    {
        Subject = "Discovery call about the Q3 renewal",
        Duration = TimeSpan.FromSeconds(60),
        Outcome = PipedriveCallOutcome.Connected,
        FromPhoneNumber = "+37277774841",
        ToPhoneNumber = "+37249234343",
        StartTime = new DateTimeOffset(2021, 1, 30, 22, 30, 0, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2021, 1, 30, 22, 31, 0, TimeSpan.Zero),
        PersonId = 333222111,
        OrgId = 123456789,
        DealId = 553229734,
        Note = "<p>Asked for a quote; follow up on Friday.</p>",
    };

    private static string Id(int i) => "CAd92b224eb4a39b5ad8fea92" + i.ToString("x4", CultureInfo.InvariantCulture);

    private static readonly string[] Outcomes = ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"];

    private static string CallLog(int i, string id) => $$"""
        {"id":"{{id}}","activity_id":{{7000 + i}},"person_id":{{333222111 + i}},"org_id":123456789,"deal_id":{{553229734 + i}},
         "subject":"Call #{{i}} about the renewal","duration":"{{i * 7 % 3600}}","outcome":"{{Outcomes[i % Outcomes.Length]}}",
         "from_phone_number":"+37277774841","to_phone_number":"+3724923{{i % 10000:D4}}","has_recording":{{(i % 3 == 0 ? "true" : "false")}},
         "start_time":"2022-12-12T01:{{i % 60:D2}}:01.000Z","end_time":"2022-12-12T02:{{i % 60:D2}}:01.000Z","user_id":777707777,
         "company_id":66660666,"note":"A note for the call log"}
        """;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}

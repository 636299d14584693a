using System.Globalization;
using System.Text;

namespace CallLogClient.Benchmarks.Payloads;

/// <summary>
/// Close bodies with the field set real call activities carry: the 51 fields of the observed records
/// (tests/CallLogClient.Tests/Fixtures/close/observed-call-records-airbyte.json), plus <c>outcome_id</c> and two custom
/// activity fields; an answered outbound call with a recording, varied per item.
/// </summary>
internal static class ClosePayloads
{
    public const string ActivityId = "acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR";

    /// <summary>The rate-limit header Close sends on every response (example from its documentation).</summary>
    public static readonly (string Name, string Value)[] Headers = [("RateLimit", "limit=100, remaining=50, reset=5")];

    /// <summary><c>GET /activity/call/{id}/</c>: one call activity, no envelope.</summary>
    public static byte[] GetResponse() => Utf8(Activity(0, ActivityId));

    /// <summary><c>GET /activity/call/?_skip=0&amp;_limit={count}</c>: a full page that says more follow.</summary>
    public static byte[] ListResponse(int count)
    {
        var items = string.Join(",", Enumerable.Range(0, count).Select(i => Activity(i, Id(i))));
        return Utf8($$"""{"has_more":true,"data":[{{items}}]}""");
    }

    private static string Id(int i) => "acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE7" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static string Activity(int i, string id) => $$"""
        {"transferred_from_user_id":null,"transferred_from":null,"local_country_iso":"US","status":"completed","id":"{{id}}",
         "sequence_name":"Q3 renewals","has_recording":true,"transferred_to":null,"is_forwarded":false,
         "activity_at":"2024-07-16T14:{{i % 60:D2}}:12.646000+00:00","lead_id":"lead_87BPw5opGPqBjSpz70L28NzDyBmJZHHdc3bvVt6J{{i % 1000:D3}}",
         "local_phone_formatted":"+1 650-555-6666","recording_expires_at":"2025-07-16T14:{{i % 60:D2}}:12.646000+00:00","coach_legs":[],
         "user_id":"user_SOwJFVMqtgZCL6QrMDLujSXbQabQnNfOwjFX1mdOulg","forwarded_to":null,"created_by_name":"Jane User",
         "voicemail_url":null,"local_phone":"+16505556666","date_answered":"2024-07-16T14:{{i % 60:D2}}:19.120000+00:00",
         "direction":"outbound","date_created":"2024-07-16T14:{{i % 60:D2}}:12.646000+00:00",
         "recording_url":"https://api.close.com/call/{{id}}/recording/","date_updated":"2024-07-16T15:{{i % 60:D2}}:04.536000+00:00",
         "note_html":"<body><p>Talked pricing; they want a follow-up on the <b>annual</b> plan.</p></body>","users":[],
         "contact_id":"cont_fcD6Y7PO1v6Olb4gGs36mLtLhOjyRA9SjuXEpwBVyhI","remote_phone_formatted":"+1 202-555-{{i % 10000:D4}}",
         "organization_id":"orga_ya3w9oMjeLtWe7zFGZr63Dz8ruBbjybG0EIUdUXaESi","user_name":"Jane User",
         "updated_by":"user_SOwJFVMqtgZCL6QrMDLujSXbQabQnNfOwjFX1mdOulg",
         "note":"Talked pricing; they want a follow-up on the annual plan.","dialer_id":null,
         "created_by":"user_SOwJFVMqtgZCL6QrMDLujSXbQabQnNfOwjFX1mdOulg","sequence_subscription_id":"sub_4mBqU6yQ1H4Bo8Fe1dRXaN",
         "call_method":"regular","is_to_group_number":false,"_type":"Call","remote_country_iso":"US","transferred_to_user_id":null,
         "phone":"+1202555{{i % 10000:D4}}","sequence_id":"seq_6Q4xzqPq0nZcqJbVZbJx3n","updated_by_name":"Jane User",
         "disposition":"answered","source":"Close.io","is_joinable":false,"cost":"{{i % 5}}.5","remote_phone":"+1202555{{i % 10000:D4}}",
         "duration":{{60 + i}},"voicemail_duration":0,"dialer_saved_search_id":null,"outcome_id":"outcome_031uY9IKV1JxfNKM9n2qCw",
         "custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c":"Enterprise","custom.cf_JkbP4dE3Hr6fFPBbK8gTmXzGE8yQqN5U1pVkAnnW2bY":{{i}}}
        """;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}

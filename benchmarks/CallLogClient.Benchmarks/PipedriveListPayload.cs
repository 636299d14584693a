using System.Text;

namespace CallLogClient.Benchmarks;

/// <summary>A Pipedrive list response of <c>count</c> call logs shaped like the API's own example.</summary>
internal static class PipedriveListPayload
{
    public static byte[] Create(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => $$"""
            {"id":"CAd92b224eb4a39b5ad8fea92ff{{i:D4}}","activity_id":{{7000 + i}},"person_id":333222111,"org_id":123456789,
             "deal_id":553229734,"subject":"Just call me maybe","duration":"{{i * 7}}","outcome":"busy",
             "from_phone_number":"+37277774841","to_phone_number":"+37249234343","has_recording":false,
             "start_time":"2022-12-12T01:01:01.000Z","end_time":"2022-12-12T01:02:01.000Z","user_id":777707777,
             "company_id":66660666,"note":"A note for the call log"}
            """);
        var json = "{\"success\":true,\"data\":[" + string.Join(",", items) + "],"
            + "\"additional_data\":{\"pagination\":{\"start\":0,\"limit\":" + count
            + ",\"more_items_in_collection\":true,\"next_start\":" + count + "}}}";
        return Encoding.UTF8.GetBytes(json);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallLogClient.Benchmarks.Server;

/// <summary>
/// The bodies the server answers with, built once from the reference examples (the tests' fixtures): every item is
/// the example record with its id, times, numbers and text varied by its index, so no two items are alike. Pages are
/// cut from a collection of <see cref="Total"/> items and kept once built.
/// </summary>
internal sealed class Payloads
{
    private static readonly string[] Outcomes = ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"];

    /// <summary>Written as the providers write: <c>+</c> and <c>&lt;</c> as they are, not escaped.</summary>
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[][] pipedriveItems;
    private readonly byte[][] closeItems;
    private readonly ConcurrentDictionary<(int Start, int Limit), byte[]> pipedrivePages = new();
    private readonly ConcurrentDictionary<(int Skip, int Limit), byte[]> closePages = new();

    public Payloads(string fixtures, int total)
    {
        Total = total;
        var pipedrive = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "pipedrive-get-response.json")))!["data"]!;
        var close = CloseTemplate(fixtures);
        pipedriveItems = [.. Enumerable.Range(0, total).Select(i => Utf8(PipedriveItem(pipedrive, i)))];
        closeItems = [.. Enumerable.Range(0, total).Select(i => Utf8(CloseItem(close, i)))];
        PipedriveGet = Envelope(pipedriveItems[0]);
        PipedriveCreated = Envelope(pipedriveItems[1]);
        PipedriveRecorded = File.ReadAllBytes(Path.Combine(fixtures, "pipedrive-recording-response.json"));
        CloseGet = closeItems[0];
    }

    public int Total { get; }

    /// <summary><c>GET /callLogs/{id}</c>: the first call log in its envelope.</summary>
    public byte[] PipedriveGet { get; }

    /// <summary><c>POST /callLogs</c>: the created call log in its envelope.</summary>
    public byte[] PipedriveCreated { get; }

    /// <summary><c>POST /callLogs/{id}/recordings</c>: <c>{"success": true}</c>.</summary>
    public byte[] PipedriveRecorded { get; }

    /// <summary><c>GET /activity/call/{id}/</c>: the first call activity.</summary>
    public byte[] CloseGet { get; }

    /// <summary>A Pipedrive list page: <c>data</c>, then <c>additional_data.pagination</c>.</summary>
    public byte[] PipedrivePage(int start, int limit) => pipedrivePages.GetOrAdd((start, limit), key =>
    {
        var end = Math.Min(Total, key.Start + key.Limit);
        var more = end < Total;
        var paging = $$"""{"start":{{key.Start}},"limit":{{key.Limit}},"more_items_in_collection":{{(more ? "true" : "false")}}{{(more ? $",\"next_start\":{end}" : "")}}}""";
        return Join("""{"success":true,"data":[""", pipedriveItems, key.Start, end, """],"additional_data":{"pagination":""" + paging + "}}");
    });

    /// <summary>A Close list page: <c>has_more</c> and <c>data</c>.</summary>
    public byte[] ClosePage(int skip, int limit) => closePages.GetOrAdd((skip, limit), key =>
    {
        var end = Math.Min(Total, key.Skip + key.Limit);
        return Join($$"""{"has_more":{{(end < Total ? "true" : "false")}},"data":[""", closeItems, key.Skip, end, "]}");
    });

    private static JsonObject CloseTemplate(string fixtures)
    {
        // The observed record (51 fields) with the values a logged, answered, recorded call has, from the documented call
        // object, and two custom activity fields.
        var observed = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "close-observed-call-records.json")))![1]!.AsObject();
        var documented = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "close-call-object.json")))!.AsObject();
        foreach (var (name, value) in documented)
        {
            if (value is not null && observed[name] is null)
            {
                observed[name] = value.DeepClone();
            }
        }

        observed["note"] = "Talked pricing; they want a follow-up on the annual plan.";
        observed["note_html"] = "<body><p>Talked pricing; they want a follow-up on the <b>annual</b> plan.</p></body>";
        observed["has_recording"] = true;
        observed["custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c"] = "Enterprise";
        return observed;
    }

    private static string PipedriveItem(JsonNode template, int i)
    {
        var item = template.DeepClone().AsObject();
        item["id"] = Ids.Pipedrive(i);
        item["activity_id"] = 7000 + i;
        item["person_id"] = 333222111 + i;
        item["deal_id"] = 553229734 + i;
        item["subject"] = $"Call #{i} about the renewal";
        item["duration"] = (i * 7 % 3600).ToString(CultureInfo.InvariantCulture);
        item["outcome"] = Outcomes[i % Outcomes.Length];
        item["to_phone_number"] = "+3724923" + (i % 10000).ToString("D4", CultureInfo.InvariantCulture);
        item["has_recording"] = i % 3 == 0;
        item["start_time"] = $"2022-12-12T01:{i % 60:D2}:01.000Z";
        item["end_time"] = $"2022-12-12T02:{i % 60:D2}:01.000Z";
        return item.ToJsonString(Unescaped);
    }

    private static string CloseItem(JsonObject template, int i)
    {
        var item = template.DeepClone().AsObject();
        var id = Ids.Close(i);
        var minute = (i % 60).ToString("D2", CultureInfo.InvariantCulture);
        var phone = (i % 10000).ToString("D4", CultureInfo.InvariantCulture);
        item["id"] = id;
        item["activity_at"] = $"2024-07-16T14:{minute}:12.646000+00:00";
        item["date_created"] = $"2024-07-16T14:{minute}:12.646000+00:00";
        item["date_answered"] = $"2024-07-16T14:{minute}:19.120000+00:00";
        item["date_updated"] = $"2024-07-16T15:{minute}:04.536000+00:00";
        item["recording_url"] = $"https://api.close.com/call/{id}/recording/";
        item["phone"] = "+1202555" + phone;
        item["remote_phone"] = "+1202555" + phone;
        item["remote_phone_formatted"] = "+1 202-555-" + phone;
        item["duration"] = 60 + i;
        item["cost"] = $"{i % 5}.5";
        item["disposition"] = "answered";
        item["status"] = "completed";
        item["custom.cf_JkbP4dE3Hr6fFPBbK8gTmXzGE8yQqN5U1pVkAnnW2bY"] = i;
        return item.ToJsonString(Unescaped);
    }

    private static byte[] Envelope(byte[] item) => Join("""{"success":true,"data":""", [item], 0, 1, "}");

    private static byte[] Join(string head, byte[][] items, int from, int to, string tail)
    {
        using var body = new MemoryStream();
        body.Write(Encoding.UTF8.GetBytes(head));
        for (var i = from; i < to; i++)
        {
            if (i > from)
            {
                body.WriteByte((byte)',');
            }

            body.Write(items[i]);
        }

        body.Write(Encoding.UTF8.GetBytes(tail));
        return body.ToArray();
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}

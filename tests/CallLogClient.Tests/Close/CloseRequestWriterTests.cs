using System.Text;
using System.Text.Json.Nodes;
using CallLogClient.Close;
using CallLogClient.Close.Models;

namespace CallLogClient.Tests.Close;

public sealed class CloseRequestWriterTests
{
    [Fact]
    public void A_create_request_like_the_official_example_writes_exactly_the_example()
    {
        var request = new CloseCreateCallRequest
        {
            ContactId = "cont_bulY73zoaAwTCLdjHrKzGkzZ942OwtEelJR7kNku9RK",
            CreatedBy = "user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA",
            Direction = CloseCallDirection.Outbound,
            Duration = TimeSpan.FromSeconds(153),
            LeadId = "lead_fioU1Nk5LC0H0iei9XBGHW2CFZU0yeP2zZCJQP9pC4m",
            NoteHtml = "<body><p>call notes go here</p></body>",
            Phone = "+16505551234",
            UserId = "user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA",
        };

        AssertJsonEqual(CloseFixtures.Read("create-request.json"), CloseCallRequestWriter.Create(request));
    }

    [Fact]
    public void A_minimal_create_request_sends_the_lead_and_the_default_status_only()
    {
        var body = CloseCallRequestWriter.Create(new CloseCreateCallRequest { LeadId = "lead_1" });

        AssertJsonEqual("""{"lead_id":"lead_1","status":"completed"}""", body);
    }

    [Fact]
    public void A_full_create_request_writes_times_with_offsets_whole_seconds_urls_and_flattened_custom_fields()
    {
        var request = new CloseCreateCallRequest
        {
            LeadId = "lead_1",
            Status = CloseCallStatus.NoAnswer,
            Direction = CloseCallDirection.Inbound,
            Duration = TimeSpan.Zero,
            RecordingUrl = new Uri("https://recordings.example.com/calls/1.mp3?sig=a%20b"),
            VoicemailUrl = new Uri("http://voicemail.example.com/1.mp3"),
            Note = "Line one\nLine two",
            OutcomeId = "outcome_1",
            ActivityAt = new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.FromHours(2)),
            DateCreated = new DateTimeOffset(2024, 1, 15, 10, 0, 1, 500, TimeSpan.Zero),
            CustomFields = new Dictionary<string, JsonNode?>
            {
                ["cf_topic"] = "Renewal",
                ["custom.cf_score"] = 7,
                ["cf_tags"] = new JsonArray("a", "b"),
                ["cf_empty"] = null,
            },
        };

        AssertJsonEqual(
            """
            {"lead_id":"lead_1","direction":"inbound","status":"no-answer","duration":0,
             "recording_url":"https://recordings.example.com/calls/1.mp3?sig=a%20b",
             "voicemail_url":"http://voicemail.example.com/1.mp3","note":"Line one\nLine two","outcome_id":"outcome_1",
             "activity_at":"2024-01-15T10:00:00+00:00","date_created":"2024-01-15T10:00:01.500000+00:00",
             "custom.cf_topic":"Renewal","custom.cf_score":7,"custom.cf_tags":["a","b"],"custom.cf_empty":null}
            """,
            CloseCallRequestWriter.Create(request));
    }

    [Fact]
    public void An_update_like_the_official_example_writes_exactly_the_example()
    {
        var request = new CloseUpdateCallRequest
        {
            NoteHtml = "<body><p>This is some new call note.</p></body>",
            OutcomeId = "outcome_031uY9IKV1JxfNKM9n2qCw",
        };

        AssertJsonEqual(CloseFixtures.Read("update-request.json"), CloseCallRequestWriter.Update(request));
    }

    [Fact]
    public void An_update_sends_only_the_properties_set_and_no_null()
    {
        var body = CloseCallRequestWriter.Update(new CloseUpdateCallRequest { Duration = TimeSpan.FromSeconds(42) });

        AssertJsonEqual("""{"duration":42}""", body);
        Assert.DoesNotContain("null", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_sends_null_only_for_the_fields_named_in_clear()
    {
        var request = new CloseUpdateCallRequest
        {
            Status = CloseCallStatus.Completed,
            Clear = CloseClearableFields.OutcomeId | CloseClearableFields.RecordingUrl,
        };

        AssertJsonEqual("""{"status":"completed","recording_url":null,"outcome_id":null}""", CloseCallRequestWriter.Update(request));
    }

    [Fact]
    public void Every_clearable_field_is_sent_as_null_under_its_wire_name()
    {
        var all = Enum.GetValues<CloseClearableFields>().Aggregate(CloseClearableFields.None, (sum, field) => sum | field);

        var body = CloseCallRequestWriter.Update(new CloseUpdateCallRequest { Clear = all });

        AssertJsonEqual(
            """{"contact_id":null,"user_id":null,"phone":null,"recording_url":null,"voicemail_url":null,"outcome_id":null,"activity_at":null}""",
            body);
    }

    [Fact]
    public void An_update_writes_every_settable_field()
    {
        var request = new CloseUpdateCallRequest
        {
            LeadId = "lead_2",
            ContactId = "cont_2",
            UserId = "user_2",
            Status = CloseCallStatus.Busy,
            Duration = TimeSpan.FromSeconds(604_800),
            Phone = "+447496394234",
            RecordingUrl = new Uri("https://example.com/r.mp3"),
            VoicemailUrl = new Uri("https://example.com/v.mp3"),
            Note = "",
            OutcomeId = "outcome_2",
            ActivityAt = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero),
            CustomFields = new Dictionary<string, JsonNode?> { ["custom.cf_topic"] = null },
        };

        AssertJsonEqual(
            """
            {"lead_id":"lead_2","contact_id":"cont_2","user_id":"user_2","status":"busy","duration":604800,
             "phone":"+447496394234","recording_url":"https://example.com/r.mp3","voicemail_url":"https://example.com/v.mp3",
             "note":"","outcome_id":"outcome_2","activity_at":"2024-05-01T08:30:00+00:00","custom.cf_topic":null}
            """,
            CloseCallRequestWriter.Update(request));
    }

    private static void AssertJsonEqual(string expected, byte[] actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"Expected {expectedNode?.ToJsonString()}{Environment.NewLine}but got {actualNode?.ToJsonString()}");
    }
}
